using Compliance.Jobs.Filings.Pdf;
using Compliance.Tests.Filings.Support;

namespace Compliance.Tests.Filings;

// Issue 6, "done when": for the Hong Kong seed incident legal staff download a PCPD filing with the Chinese name
// of the branch, the count and the categories (names, HKID numbers, contacts; no financial data).
public sealed class HongKongSeedFilingTests
{
    private static readonly Lazy<(Jobs.Filings.FilingDocument Document, RenderedFiling Pdf, string Text)> Seed = new(() =>
    {
        var document = FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK");
        var pdf = FilingPdfRenderer.Render(document);
        return (document, pdf, PdfTools.Text(pdf.Pdf));
    });

    [Fact]
    public void The_PCPD_filing_names_the_branch_in_Chinese()
    {
        Assert.Equal("pcpd", Seed.Value.Document.Layout);
        Assert.Contains(FilingInputs.ChineseBranch, Seed.Value.Text);
        Assert.Contains("Office of the Privacy Commissioner for Personal Data (PCPD)", Seed.Value.Text);
    }

    [Fact]
    public void It_carries_the_count_and_the_categories_with_HKID_and_no_financial_data()
    {
        var text = Seed.Value.Text;
        ExtractedText.AssertHolds(text, "Number of data subjects affected in Hong Kong", "label");
        Assert.Contains("2,400", text);
        ExtractedText.AssertHolds(text, "Names, Email addresses, Telephone numbers, Postal addresses, Hong Kong Identity Card (HKID) numbers", "categories");
        ExtractedText.AssertHolds(text, "Financial data involved", "label");
        ExtractedText.AssertHolds(text, "None involved", "financial data");
    }

    [Fact]
    public void It_says_the_filing_is_voluntary_and_shows_times_in_Hong_Kong_time()
    {
        var text = Seed.Value.Text;
        ExtractedText.AssertHolds(text, "Voluntary: recommended by the authority, not required by law", "status");
        ExtractedText.AssertHolds(text, "2019-03-15 09:00 HKT (UTC+08:00)", "awareness in Hong Kong time");
        ExtractedText.AssertHolds(text, "Initial notification", "stage");
    }

    [Fact]
    public void Mixed_Chinese_and_English_text_is_drawn_with_the_CJK_font_and_DejaVu()
    {
        Assert.Contains("我們的支持者資料庫遭入侵。", Seed.Value.Text);
        var fonts = PdfTools.Fonts(Seed.Value.Pdf.Pdf);
        Assert.Contains("Droid Sans Fallback", fonts);
        Assert.Contains("DejaVu Sans", fonts);
    }

    [Fact]
    public void Nothing_required_is_missing_from_the_complete_seed_filing()
    {
        Assert.Empty(Seed.Value.Document.Missing);
        Assert.DoesNotContain("MISSING", Seed.Value.Text);
    }
}
