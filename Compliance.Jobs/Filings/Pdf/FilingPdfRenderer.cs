using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Compliance.Jobs.Filings.Pdf.PageGeometry;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// Draws a <see cref="FilingDocument"/> as a PDF. The same document gives the same bytes: the dates are the filing
/// time, the file identifier is derived from the content hash, and nothing random or clock-based is written.
/// Thread-safe; the web page and the command line share it.
/// </summary>
public static class FilingPdfRenderer
{
    private static readonly XColor LightRule = XColor.FromArgb(200, 200, 200);

    public static RenderedFiling Render(FilingDocument document)
    {
        var fonts = FilingFonts.Instance;
        var pages = new PageLayout(new LineBreaker(fonts)).Lay(document);

        using var pdf = new PdfDocument();
        // PDFsharp's Flate streams are not properly terminated; PdfRewriter compresses them instead.
        pdf.Options.NoCompression = true;
        pdf.Options.CompressContentStreams = false;
        PdfMetadata.Apply(pdf, document);
        for (var n = 0; n < pages.Count; n++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(Width);
            page.Height = XUnit.FromPoint(Height);
            using var gfx = XGraphics.FromPdfPage(page);
            Draw(gfx, fonts, pages[n]);
            DrawFooter(gfx, fonts, document, n + 1, pages.Count);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return new RenderedFiling(PdfRewriter.Finish(stream.ToArray(), document.ContentHash), pages.Count);
    }

    private static void Draw(XGraphics gfx, FilingFonts fonts, LaidOutPage page)
    {
        foreach (var rule in page.Rules)
            gfx.DrawLine(rule.Light ? new XPen(LightRule, 0.4) : new XPen(XColors.Black, 0.8), rule.X1, rule.Y, rule.X2, rule.Y);
        foreach (var placed in page.Lines)
            DrawLine(gfx, fonts, placed.Line, placed.Style, BrushFor(placed.Ink), placed.X, placed.Baseline);
    }

    private static void DrawFooter(XGraphics gfx, FilingFonts fonts, FilingDocument document, int number, int count)
    {
        var breaker = new LineBreaker(fonts);
        gfx.DrawLine(new XPen(LightRule, 0.5), Left, FooterBaseline - 11, Right, FooterBaseline - 11);
        var hash = breaker.Wrap(Format(document.HashFooter, document.ContentHash), Footer, ContentWidth)[0];
        DrawLine(gfx, fonts, hash, Footer, XBrushes.DimGray, Left, FooterBaseline);
        var pageText = breaker.Wrap(Format(document.PageFooter, number, count), Footer, ContentWidth)[0];
        DrawLine(gfx, fonts, pageText, Footer, XBrushes.DimGray, Right - pageText.Width, FooterBaseline);
    }

    private static void DrawLine(XGraphics gfx, FilingFonts fonts, TextLine line, TextStyle style, XBrush brush, double x, double baseline)
    {
        foreach (var run in line.Runs)
            gfx.DrawString(run.Text, fonts.Font(run.Face, style.Size), brush, x + run.X, baseline, XStringFormats.BaseLineLeft);
    }

    private static XBrush BrushFor(Ink ink) => ink switch
    {
        Ink.Missing => XBrushes.DarkRed,
        Ink.Label => XBrushes.DarkSlateGray,
        Ink.Muted => XBrushes.DimGray,
        _ => XBrushes.Black,
    };

    private static string Format(string pattern, params object[] values) => string.Format(CultureInfo.InvariantCulture, pattern, values);
}
