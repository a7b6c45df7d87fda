using System.Text.Json.Nodes;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Compliance.Tests.Filings.Support;

namespace Compliance.Tests.Filings;

// The completeness check: what is missing is listed as data and marked in the PDF, and rendering goes on.
public sealed class FilingCompletenessTests
{
    private static JsonObject Ireland() => FilingInputs.In("IE", 8000, "Europe/Dublin");

    [Fact]
    public void A_GDPR_filing_without_a_contact_point_lists_Art_33_3_b_as_missing()
    {
        var document = FilingInputs.Compose(Ireland().With("contact", null), "IE");
        var missing = Assert.Single(document.Missing);
        Assert.Equal("Contact point (Art. 33(3)(b))", missing.Label);
        Assert.Equal("contact", missing.InputField);
        Assert.Equal("1. Controller and contact point", missing.Section);
        Assert.False(document.IsComplete);
    }

    [Fact]
    public void The_PDF_marks_the_missing_field_where_it_belongs_and_in_the_warning_and_checklist()
    {
        var document = FilingInputs.Compose(Ireland().With("contact", null), "IE");
        var text = PdfTools.Text(FilingPdfRenderer.Render(document).Pdf);
        ExtractedText.AssertHolds(text, "MISSING: Contact point (Art. 33(3)(b))", "marked field");
        ExtractedText.AssertHolds(text, "Incomplete: 1 required field(s) missing.", "warning");
        Assert.Contains(document.Blocks.OfType<ChecklistBlock>(), c => c.Missing && c.Item.StartsWith("Name and contact details of the data protection officer", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_missing_narrative_is_listed_and_the_filing_still_renders()
    {
        var bare = Ireland();
        foreach (var id in FilingValueId.Narrative) bare = bare.With(id, null);
        bare = bare.With("organisationName", null);
        var document = FilingInputs.Compose(bare, "IE");

        Assert.Equal(
            ["Controller", "Contact point (Art. 33(3)(b))", "Nature of the breach (Art. 33(3)(a))",
             "Likely consequences of the breach (Art. 33(3)(c))", "Measures taken or proposed, including mitigation (Art. 33(3)(d))"],
            document.Missing.Select(m => m.Label));
        Assert.True(FilingPdfRenderer.Render(document).PageCount >= 1);
    }

    [Fact]
    public void Reasons_for_delay_become_required_only_when_the_72_hours_have_passed()
    {
        var inTime = FilingInputs.Compose(Ireland().With("delayReasons", null), "IE");
        Assert.Empty(inTime.Missing);
        Assert.DoesNotContain(inTime.Blocks.OfType<FieldBlock>(), f => f.Label.StartsWith("Reasons for the delay", StringComparison.Ordinal));

        // Aware 2025-06-13 16:00 +01:00; 72 hours end 2025-06-16 16:00. One minute later is late.
        var late = FilingInputs.Compose(Ireland().With("delayReasons", null).With("filedAt", JsonValue.Create("2025-06-16T16:01:00+01:00")), "IE");
        Assert.Equal("Reasons for the delay (Art. 33(1))", Assert.Single(late.Missing).Label);
    }

    [Fact]
    public void An_incident_with_nobody_in_the_jurisdiction_misses_the_local_count()
    {
        var document = FilingInputs.Compose(FilingInputs.In("GB", 500, "Europe/London"), "IE");
        Assert.Contains(document.Missing, m => m.Label == "Approximate number of data subjects in IE (Art. 33(3)(a))" && m.InputField == "affected");
    }

    [Fact]
    public void A_filing_the_engine_finds_no_duty_for_is_still_rendered_and_called_voluntary()
    {
        // Below Texas's 250-resident threshold the Attorney General need not be told.
        var document = FilingInputs.Compose(FilingInputs.In("US-TX", 100, "America/Chicago"), "US-TX");
        Assert.Contains(document.Blocks.OfType<FieldBlock>(), f => f.Label == "Status" && f.Value.StartsWith("The rules engine found no duty", StringComparison.Ordinal));
    }
}
