using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using Compliance.Tests.Filings.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Filings;

// The PDF itself: pages and their numbers, the hash footer, byte-for-byte determinism, a structurally valid file.
public sealed class FilingPdfTests
{
    // The benchmark's filing: three pages of mixed Chinese and English.
    private static readonly Lazy<(FilingDocument Document, RenderedFiling Pdf)> ThreePages = new(() =>
    {
        var document = FilingComposer.Default.Compose(FilingBenchCommand.ThreePageRequest(), "HK", FilingInputs.PreparedAt);
        return (document, FilingPdfRenderer.Render(document));
    });

    [Fact]
    public void The_benchmark_filing_has_three_pages_each_numbered_N_of_3()
    {
        var pdf = ThreePages.Value.Pdf;
        Assert.Equal(3, pdf.PageCount);
        Assert.Equal(3, PdfTools.PageCount(pdf.Pdf));
        for (var page = 1; page <= 3; page++)
            Assert.Contains($"Page {page} of 3", PdfTools.Text(pdf.Pdf, page));
    }

    [Fact]
    public void Every_page_footer_carries_the_SHA_256_of_the_canonical_content()
    {
        var (document, pdf) = ThreePages.Value;
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.CanonicalText)));
        Assert.Equal(expected, document.ContentHash);
        for (var page = 1; page <= pdf.PageCount; page++)
            Assert.Contains($"Content SHA-256: {expected}", PdfTools.Text(pdf.Pdf, page));
    }

    [Fact]
    public void The_hash_is_of_the_content_so_a_changed_fact_changes_it_and_the_bytes_do_not_matter()
    {
        var a = FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK");
        var b = FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK");
        var c = FilingInputs.Compose(FilingInputs.HongKongSeed().With("measures", JsonValue.Create("Different measures.")), "HK");
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Contains("Different measures.", c.CanonicalText);
    }

    [Fact]
    public void Rendering_the_same_filing_twice_gives_identical_bytes()
    {
        var first = FilingPdfRenderer.Render(FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK")).Pdf;
        var second = FilingPdfRenderer.Render(FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK")).Pdf;
        Assert.Equal(first, second);
        // Dates come from the filing time, in the authority's zone, not from a clock.
        Assert.Contains("/CreationDate(D:20190318100000+08'00')", Encoding.Latin1.GetString(first));
    }

    [Fact]
    public async Task Filings_rendered_at_the_same_time_on_several_threads_are_identical()
    {
        // The web page renders concurrently; fonts, width caches and PDFsharp's globals are shared.
        var document = FilingInputs.Compose(FilingInputs.HongKongSeed(), "HK");
        var expected = FilingPdfRenderer.Render(document).Pdf;
        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => FilingPdfRenderer.Render(document).Pdf)));
        Assert.All(parallel, pdf => Assert.Equal(expected, pdf));
    }

    [Fact]
    public void Qpdf_finds_no_errors_or_warnings()
    {
        var (code, output) = PdfTools.Check(ThreePages.Value.Pdf.Pdf);
        Assert.True(code == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    [Fact]
    public void A_100000_character_description_flows_over_numbered_pages()
    {
        // Long words, Chinese with no spaces at all, and ordinary prose, 100,000 characters in all.
        var text = new StringBuilder();
        while (text.Length < 100_000)
            text.Append(new string('x', 700)).Append(' ').Append(string.Concat(Enumerable.Repeat("香港支持者資料庫", 60))).Append(" Ordinary prose follows here. ");
        var json = FilingInputs.HongKongSeed().With("description", JsonValue.Create(text.ToString(0, 100_000)));

        var pdf = FilingPdfRenderer.Render(FilingInputs.Compose(json, "HK"));

        Assert.InRange(pdf.PageCount, 20, 60);
        Assert.Equal(pdf.PageCount, PdfTools.PageCount(pdf.Pdf));
        Assert.Contains($"Page {pdf.PageCount} of {pdf.PageCount}", PdfTools.Text(pdf.Pdf, pdf.PageCount));
        Assert.Contains("香港支持者資料庫", PdfTools.Text(pdf.Pdf, 5));
        var (code, output) = PdfTools.Check(pdf.Pdf);
        Assert.True(code == 0, output);
    }
}
