using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Jobs.Filings.Pdf;

/// <summary>
/// Finishes PDFsharp's uncompressed output, object by object, with a new cross-reference table:
/// <list type="bullet">
/// <item>PDFsharp 6.5's own Flate streams end without the zlib trailer (qpdf warns on every one), so the renderer
/// saves uncompressed and each stream is compressed here with <see cref="ZLibStream"/>, properly closed.</item>
/// <item>PDFsharp writes random font subset tags and random XMP document and instance UUIDs; they are replaced by
/// values derived from the content hash and the font name, so the same filing gives the same bytes.</item>
/// </list>
/// It reads only the simple layout PDFsharp writes: a classic xref table, one generation, direct stream lengths.
/// </summary>
internal static partial class PdfRewriter
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Finish(byte[] pdf, string contentHash)
    {
        var text = Latin1.GetString(pdf);
        var offsets = ReadXref(text, out var trailer, out var xrefAt);
        var output = new MemoryStream(pdf.Length / 3);
        var order = Enumerable.Range(1, offsets.Length - 1).OrderBy(n => offsets[n]).ToArray();
        output.Write(pdf, 0, offsets[order[0]]);

        // Each object runs from its offset to the next object's (or the xref table): no search leaves its object.
        var newOffsets = new long[offsets.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var end = i + 1 < order.Length ? offsets[order[i + 1]] : xrefAt;
            newOffsets[order[i]] = output.Position;
            WriteObject(output, pdf, text, offsets[order[i]], end, contentHash);
        }

        var newXrefAt = output.Position;
        var xref = new StringBuilder();
        xref.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Length}\n0000000000 65535 f\r\n");
        for (var n = 1; n < offsets.Length; n++) xref.Append(CultureInfo.InvariantCulture, $"{newOffsets[n]:D10} 00000 n\r\n");
        var id = contentHash[..32].ToUpperInvariant();
        var ids = $"/ID[<{id}><{id}>]";
        xref.Append("trailer\n").Append(TrailerId().IsMatch(trailer) ? TrailerId().Replace(trailer, ids) : trailer.Insert(2, ids));
        xref.Append(CultureInfo.InvariantCulture, $"\nstartxref\n{newXrefAt}\n%%EOF\n");
        output.Write(Latin1.GetBytes(xref.ToString()));
        return output.ToArray();
    }

    private static void WriteObject(MemoryStream output, byte[] pdf, string text, int at, int end, string contentHash)
    {
        var streamAt = text.IndexOf(">>\nstream\n", at, end - at, StringComparison.Ordinal);
        if (streamAt < 0)
        {
            output.Write(Latin1.GetBytes(Deterministic(text[at..end], contentHash)));
            return;
        }
        var head = text[at..(streamAt + 2)];
        var dataAt = streamAt + ">>\nstream\n".Length;
        var length = int.Parse(StreamLength().Match(head).Groups[1].Value, CultureInfo.InvariantCulture);
        var tail = text[(dataAt + length)..end];
        if (!tail.TrimStart().StartsWith("endstream", StringComparison.Ordinal))
            throw new InvalidDataException($"Unexpected PDF layout: the stream at {at} does not end where its /Length says.");

        if (head.Contains("/Type/Metadata", StringComparison.Ordinal))
        {
            // XMP stays uncompressed (readers and PDF/A expect it so); only its random UUIDs change.
            output.Write(Latin1.GetBytes(Deterministic(text[at..end], contentHash)));
            return;
        }
        var data = pdf.AsSpan(dataAt, length);
        byte[] body;
        if (head.Contains("/Filter", StringComparison.Ordinal)) body = data.ToArray();
        else
        {
            body = Compress(data);
            head = StreamLength().Replace(head, $"/Length {body.Length}/Filter/FlateDecode", 1);
        }
        output.Write(Latin1.GetBytes(Deterministic(head, contentHash) + "\nstream\n"));
        output.Write(body);
        output.Write(Latin1.GetBytes(tail));
    }

    private static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream(data.Length / 4 + 64);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        return buffer.ToArray();
    }

    private static string Deterministic(string objectText, string contentHash)
    {
        var tagged = SubsetTag().Replace(objectText, m => $"/{m.Groups[1].Value}/{TagFor(m.Groups[3].Value)}+{m.Groups[3].Value}");
        var n = 0;
        return XmpUuid().Replace(tagged, _ => $"uuid:{UuidFrom(contentHash, n++)}");
    }

    // Six capital letters from the font's own name: the same font gets the same tag in the Type0 font, its
    // descendant and its descriptor, and different fonts get different tags.
    private static string TagFor(string fontName)
    {
        var hash = SHA256.HashData(Latin1.GetBytes(fontName));
        return string.Create(6, hash, static (span, h) => { for (var i = 0; i < 6; i++) span[i] = (char)('A' + h[i] % 26); });
    }

    private static string UuidFrom(string contentHash, int index)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"{contentHash}:{index}")));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static int[] ReadXref(string text, out string trailer, out int xrefAt)
    {
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        xrefAt = int.Parse(text.AsSpan(startxref + 9).Trim().ToString().Split('\n')[0], CultureInfo.InvariantCulture);
        var header = XrefHeader().Match(text, xrefAt);
        if (!header.Success || header.Groups[1].Value != "0") throw new InvalidDataException("Unexpected PDF layout: one xref section from object 0 expected.");
        var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
        var offsets = new int[count];
        var entries = header.Index + header.Length;
        for (var n = 0; n < count; n++)
            offsets[n] = int.Parse(text.AsSpan(entries + n * 20, 10), CultureInfo.InvariantCulture);
        var trailerAt = text.IndexOf("trailer", entries + count * 20, StringComparison.Ordinal) + "trailer".Length;
        var dictEnd = text.IndexOf(">>", trailerAt, StringComparison.Ordinal) + 2;
        trailer = text[trailerAt..dictEnd].Trim();
        return offsets;
    }

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex StreamLength();

    [GeneratedRegex(@"/(BaseFont|FontName)\s*/([A-Z]{6})\+([^\s/\[\]<>()]+)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")]
    private static partial Regex TrailerId();

    [GeneratedRegex(@"\Gxref\s*\n(\d+) (\d+)\s*\n")]
    private static partial Regex XrefHeader();
}
