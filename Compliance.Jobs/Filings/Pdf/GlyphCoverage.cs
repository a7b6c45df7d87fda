using System.Buffers.Binary;
using System.Collections;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// Which code points a TrueType font maps to a glyph, read from its 'cmap' table (format 4, and format 12 for
/// characters beyond the BMP). PDFsharp has no per-glyph fallback, so we pick the font for each character ourselves.
/// </summary>
internal sealed class GlyphCoverage
{
    private readonly BitArray bmp = new(0x10000);
    private readonly List<(int First, int Last)> supplementary = [];

    public bool Has(int codePoint) => codePoint < 0x10000
        ? bmp[codePoint]
        : supplementary.Exists(r => codePoint >= r.First && codePoint <= r.Last);

    public static GlyphCoverage Read(ReadOnlySpan<byte> font)
    {
        var coverage = new GlyphCoverage();
        var cmap = FindTable(font, "cmap");
        var tables = U16(cmap, 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < tables; i++)
        {
            var platform = U16(cmap, 4 + i * 8);
            var encoding = U16(cmap, 6 + i * 8);
            var offset = (int)U32(cmap, 8 + i * 8);
            if (platform != 3 && platform != 0) continue; // Windows or Unicode platform: both are Unicode maps
            var format = U16(cmap, offset);
            if (format == 4 && (platform == 0 || encoding == 1)) format4 = offset;
            if (format == 12) format12 = offset;
        }
        if (format12 >= 0) coverage.ReadFormat12(cmap[format12..]);
        else if (format4 >= 0) coverage.ReadFormat4(cmap[format4..]);
        else throw new InvalidDataException("The font has no Unicode cmap (format 4 or 12).");
        return coverage;
    }

    private void ReadFormat4(ReadOnlySpan<byte> t)
    {
        var segments = U16(t, 6) / 2;
        for (var s = 0; s < segments; s++)
        {
            int end = U16(t, 14 + s * 2), start = U16(t, 16 + segments * 2 + s * 2);
            if (start == 0xFFFF) continue;
            var delta = (short)U16(t, 16 + segments * 4 + s * 2);
            var rangeAt = 16 + segments * 6 + s * 2;
            var rangeOffset = U16(t, rangeAt);
            for (var c = start; c <= end; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var at = rangeAt + rangeOffset + (c - start) * 2;
                    glyph = at + 1 < t.Length ? U16(t, at) : 0;
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) bmp[c] = true;
            }
        }
    }

    private void ReadFormat12(ReadOnlySpan<byte> t)
    {
        var groups = (int)U32(t, 12);
        for (var g = 0; g < groups; g++)
        {
            int first = (int)U32(t, 16 + g * 12), last = (int)U32(t, 20 + g * 12);
            for (var c = first; c <= Math.Min(last, 0xFFFF); c++) bmp[c] = true;
            if (last >= 0x10000) supplementary.Add((Math.Max(first, 0x10000), last));
        }
    }

    private static ReadOnlySpan<byte> FindTable(ReadOnlySpan<byte> font, string tag)
    {
        var count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            if (font.Slice(record, 4).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(tag)))
                return font.Slice((int)U32(font, record + 8), (int)U32(font, record + 12));
        }
        throw new InvalidDataException($"The font has no '{tag}' table.");
    }

    private static int U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
