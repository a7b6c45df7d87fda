namespace Compliance.Jobs.Filings;

/// <summary>The words every layout of one language shares, read from templates/filings/common.LANG.json.</summary>
public sealed class CommonLabels
{
    [System.Text.Json.Serialization.JsonPropertyName("$comment")] public string? Comment { get; set; }

    public string Language { get; set; } = "";
    public Dictionary<string, string> Stages { get; set; } = [];
    public Dictionary<string, string> About { get; set; } = [];
    public Dictionary<string, string> Missing { get; set; } = [];
    public Dictionary<string, string> Checklist { get; set; } = [];
    public Dictionary<string, string> Footer { get; set; } = [];
    public Dictionary<string, string> Categories { get; set; } = [];
    public Dictionary<string, string> Causes { get; set; } = [];
    public Dictionary<string, string> Exfiltration { get; set; } = [];
    public Dictionary<string, string> Encryption { get; set; } = [];
    public Dictionary<string, string> Risk { get; set; } = [];
    public Dictionary<string, string> Financial { get; set; } = [];
    public Dictionary<string, string> RiskAssessment { get; set; } = [];

    /// <summary>The keys each dictionary must have; a template without them does not load.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredKeys = new Dictionary<string, string[]>
    {
        ["stages"] = ["initial", "follow-up", "final"],
        ["about"] = ["heading", "authority", "jurisdiction", "stage", "prepared", "rule", "status", "mandatory", "voluntary",
            "deadline", "noDeadline", "latestDeadline", "notFound"],
        ["missing"] = ["value", "warning", "item"],
        ["checklist"] = ["heading", "intro", "answered", "missing", "check", "none"],
        ["footer"] = ["hash", "page"],
        ["financial"] = ["none", "some"],
        ["riskAssessment"] = ["heading", "level", "proposed", "reasons", "reason", "rationale", "confirmed"],
    };
}
