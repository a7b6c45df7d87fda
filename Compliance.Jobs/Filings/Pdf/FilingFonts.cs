using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// The fonts, their coverage and their glyph widths, loaded once per process. Widths are measured once per
/// character at 1 pt and scaled, so wrapping a 100,000-character text costs lookups, not PDFsharp measurements.
/// </summary>
internal sealed class FilingFonts
{
    private static readonly Lock Gate = new();
    private static FilingFonts? instance;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private const double MeasureSize = 1000;

    private readonly GlyphCoverage dejaVu;
    private readonly XGraphics measure;
    private readonly ConcurrentDictionary<(FontFace, double), XFont> fonts = new();
    private readonly ConcurrentDictionary<int, double>[] advances = [new(), new(), new()];

    private FilingFonts()
    {
        dejaVu = GlyphCoverage.Read(File.ReadAllBytes(FontFiles.DejaVu(bold: false)));
        measure = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public static FilingFonts Instance
    {
        get
        {
            if (instance is { } ready) return ready;
            lock (Gate)
            {
                PdfSharpSetup.EnsureReady();
                return instance ??= new FilingFonts();
            }
        }
    }

    /// <summary>DejaVu where it has the glyph; the CJK font otherwise (Han, kana, hangul, full-width forms).</summary>
    public FontFace FaceFor(int codePoint, TextStyle style) =>
        dejaVu.Has(codePoint) ? style.Latin : FontFace.Cjk;

    public XFont Font(FontFace face, double size) => fonts.GetOrAdd((face, size), static key => new XFont(
        key.Item1 == FontFace.Cjk ? DebianFontResolver.Cjk : DebianFontResolver.DejaVu,
        key.Item2,
        key.Item1 == FontFace.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
        Unicode));

    /// <summary>The advance of one character in points at the given size.</summary>
    public double Advance(FontFace face, int codePoint, double size)
    {
        var table = advances[(int)face];
        if (!table.TryGetValue(codePoint, out var perPoint))
        {
            var text = char.ConvertFromUtf32(codePoint);
            lock (Gate) perPoint = measure.MeasureString(text, Font(face, MeasureSize)).Width / MeasureSize;
            table[codePoint] = perPoint;
        }
        return perPoint * size;
    }
}
