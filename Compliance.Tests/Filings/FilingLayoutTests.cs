using System.Text.Json.Nodes;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Compliance.Tests.Filings.Support;

namespace Compliance.Tests.Filings;

// Each authority's layout: the right one is picked, and every label and value of the filing survives pdftotext.
public sealed class FilingLayoutTests
{
    public static TheoryData<string, string, string, string> Authorities => new()
    {
        // jurisdiction, organisation zone + attributes, expected layout, expected authority
        { "IE", "Europe/Dublin", "gdpr-art33", "Data Protection Commission" },
        { "FR", "Europe/Paris", "gdpr-art33", "Commission nationale de l'informatique et des libertés (CNIL)" },
        { "GB", "Europe/London", "ico", "Information Commissioner's Office (ICO)" },
        { "HK", "Asia/Hong_Kong", "pcpd", "Office of the Privacy Commissioner for Personal Data (PCPD)" },
        { "CA", "America/Toronto|commercial-activity", "opc", "Office of the Privacy Commissioner of Canada (OPC)" },
        { "AU", "Australia/Sydney|au-turnover-over-3m", "oaic", "Office of the Australian Information Commissioner (OAIC)" },
        { "SG", "Asia/Singapore", "pdpc", "Personal Data Protection Commission (PDPC)" },
        { "US-TX", "America/Chicago", "texas-ag", "Texas Attorney General" },
        { "ZA", "Africa/Johannesburg", "generic", "Information Regulator" },
    };

    private static FilingDocument Compose(string jurisdiction, string organisation)
    {
        var parts = organisation.Split('|');
        return FilingInputs.Compose(FilingInputs.In(jurisdiction, 3000, parts[0], parts[1..]), jurisdiction);
    }

    [Theory]
    [MemberData(nameof(Authorities))]
    public void The_authority_gets_its_own_layout_and_name(string jurisdiction, string organisation, string layout, string authority)
    {
        var document = Compose(jurisdiction, organisation);
        Assert.Equal(layout, document.Layout);
        Assert.Contains(document.Blocks.OfType<FieldBlock>(), f => f.Label == "Authority" && f.Value == authority);
        Assert.Contains(authority, document.Subtitle);
        // The facts trigger each duty, so the engine's deadline and status are in the filing, not "voluntary".
        Assert.Contains(document.Blocks.OfType<FieldBlock>(), f => f.Label == "Status" && !f.Value.StartsWith("The rules engine found no duty", StringComparison.Ordinal));
        Assert.Empty(document.Missing);
    }

    [Theory]
    [MemberData(nameof(Authorities))]
    public void Every_required_label_and_value_survives_text_extraction(string jurisdiction, string organisation, string layout, string authority)
    {
        var document = Compose(jurisdiction, organisation);
        var text = PdfTools.Text(FilingPdfRenderer.Render(document).Pdf);

        var template = FilingTemplates.Default.Layouts.Single(t => t.Layout == layout && t.Language == "en");
        var fields = document.Blocks.OfType<FieldBlock>().ToList();
        foreach (var required in template.Sections.SelectMany(s => s.Fields).Where(f => f.Required))
        {
            var label = required.Label.Replace("{jurisdiction}", jurisdiction);
            var block = Assert.Single(fields, f => f.Label == label);
            ExtractedText.AssertHolds(text, label, $"{layout} label");
            ExtractedText.AssertHolds(text, block.Value, $"{layout} value of \"{label}\"");
        }
        Assert.Contains(authority, text.ReplaceLineEndings(" ").Replace("  ", " "));
        ExtractedText.AssertHolds(text, document.Title, "title");
    }

    [Fact]
    public void Texas_filing_has_the_six_items_of_the_Attorney_Generals_form()
    {
        var document = Compose("US-TX", "America/Chicago");
        var labels = document.Blocks.OfType<FieldBlock>().Select(f => f.Label).ToList();
        for (var item = 1; item <= 6; item++)
            Assert.Single(labels, l => l.StartsWith($"{item}. ", StringComparison.Ordinal));
        Assert.Contains(document.Blocks.OfType<FieldBlock>(), f => f.Label == "2. Number of Texas residents affected" && f.Value == "3,000");
        Assert.Contains(document.Blocks.OfType<FieldBlock>(), f => f.Label.StartsWith("3. Number of affected Texas residents sent notice", StringComparison.Ordinal) && f.Value == "480");
    }

    [Fact]
    public void Counts_are_given_for_the_authoritys_jurisdiction_and_in_total()
    {
        var document = Compose("IE", "Europe/Dublin");
        var fields = document.Blocks.OfType<FieldBlock>().ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("3,000", fields["Approximate number of data subjects in IE (Art. 33(3)(a))"]);
        Assert.Equal("3,010", fields["Approximate number of data subjects in total (Art. 33(3)(a))"]);
    }

    [Fact]
    public void Times_are_shown_in_the_authoritys_zone()
    {
        // awareAt 2025-06-13T16:00+01:00 is 17:00 in Paris (CEST) and 23:00 in Singapore.
        var paris = Compose("FR", "Europe/Paris").Blocks.OfType<FieldBlock>().Single(f => f.Label == "Controller became aware");
        Assert.Equal("2025-06-13 17:00 CEST (UTC+02:00)", paris.Value);
        var singapore = Compose("SG", "Asia/Singapore").Blocks.OfType<FieldBlock>().Single(f => f.Label == "Date the organisation first became aware of the breach");
        Assert.Equal("2025-06-13 23:00 (UTC+08:00)", singapore.Value);
    }

    [Fact]
    public void A_follow_up_filing_says_so_in_its_title_block()
    {
        var document = FilingInputs.Compose(FilingInputs.HongKongSeed().With("stage", JsonValue.Create("follow-up")), "HK");
        Assert.Equal("Follow-up notification", document.StageLabel);
        var text = PdfTools.Text(FilingPdfRenderer.Render(document).Pdf);
        Assert.StartsWith("Data breach notification", text.TrimStart());
        ExtractedText.AssertHolds(text, "Follow-up notification", "stage");
    }
}
