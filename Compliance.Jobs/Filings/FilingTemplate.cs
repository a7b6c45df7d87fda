namespace Compliance.Jobs.Filings;

/// <summary>
/// One authority's filing layout in one language, read from templates/filings/LAYOUT.LANG.json: which catalogue
/// duties it serves, its sections and its fields. <c>Covers</c> ties a field to the duty's content items (by index
/// into the catalogue's <c>content</c> list), so the checklist can say which of the authority's items are answered.
/// </summary>
public sealed class FilingTemplate
{
    [System.Text.Json.Serialization.JsonPropertyName("$comment")] public string? Comment { get; set; }

    public string Layout { get; set; } = "";
    public string Language { get; set; } = "";

    /// <summary>Catalogue duty ids this layout is for; "*" marks the generic layout.</summary>
    public List<string> Rules { get; set; } = [];
    public string Title { get; set; } = "";

    /// <summary>May contain {authority}.</summary>
    public string Subtitle { get; set; } = "";

    /// <summary>Data-category labels that replace the common ones for this authority (HKID for Hong Kong).</summary>
    public Dictionary<string, string> CategoryLabels { get; set; } = [];

    /// <summary>Risk labels in the authority's terms ("real risk of significant harm").</summary>
    public Dictionary<string, string> RiskLabels { get; set; } = [];
    public List<FilingTemplateSection> Sections { get; set; } = [];

    public bool IsGeneric => Rules.Contains("*");
}

public sealed class FilingTemplateSection
{
    public string Heading { get; set; } = "";
    public List<FilingTemplateField> Fields { get; set; } = [];
}

public sealed class FilingTemplateField
{
    /// <summary>A <see cref="FilingValueId"/>.</summary>
    public string Value { get; set; } = "";

    /// <summary>May contain {jurisdiction}.</summary>
    public string Label { get; set; } = "";
    public bool Required { get; set; }

    /// <summary>Required only when the filing is made after the deadline (reasons for delay).</summary>
    public bool RequiredWhenLate { get; set; }

    /// <summary>A narrative set under its label across the page rather than in the value column.</summary>
    public bool Wide { get; set; }
    public List<int> Covers { get; set; } = [];
}
