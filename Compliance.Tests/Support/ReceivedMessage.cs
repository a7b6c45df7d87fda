using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Tests.Support;

/// <summary>
/// A message as smtp-sink dumped it, read back by a parser written apart from the transport's builder: headers
/// unfolded and RFC 2047-decoded, MIME parts split at the boundary and quoted-printable or base64 decoded.
/// Line breaks come back as "\n" (the sink writes its dumps with LF).
/// </summary>
public sealed partial class ReceivedMessage
{
    private readonly List<(string Name, string Value)> headers;

    private ReceivedMessage(List<(string, string)> headers, IReadOnlyList<Part> parts)
    {
        this.headers = headers;
        Parts = parts;
    }

    public sealed record Part(string ContentType, string Charset, string TransferEncoding, string Body);

    public IReadOnlyList<Part> Parts { get; }

    public string? Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string MessageId => Header("Message-ID") ?? "";

    public static bool IsComplete(string dump) => dump.Contains("\nMessage-ID:", StringComparison.OrdinalIgnoreCase);

    public static ReceivedMessage Parse(string dump)
    {
        var text = dump.ReplaceLineEndings("\n");
        if (text.EndsWith("\n\n", StringComparison.Ordinal)) text = text[..^1]; // the sink ends each dump with an empty line
        var (headerBlock, body) = SplitHead(text);
        var fields = ParseHeaders(headerBlock);
        var contentType = Find(fields, "Content-Type") ?? "text/plain";
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            return new ReceivedMessage(fields, [ReadPart(fields, body)]);
        var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("multipart without a boundary");
        var parts = new List<Part>();
        // The first delimiter may open the body with no preamble (and so no line break) before it, as MimeKit writes it.
        var sections = ("\n" + body).Split($"\n--{boundary}");
        // sections[0] is the preamble; the last starts with "--" (the closing delimiter).
        foreach (var section in sections.Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal)) break;
            var (partHead, partBody) = SplitHead(section[(section.IndexOf('\n') + 1)..]);
            parts.Add(ReadPart(ParseHeaders(partHead), partBody));
        }
        return new ReceivedMessage(fields, parts);
    }

    private static Part ReadPart(List<(string Name, string Value)> fields, string body)
    {
        var type = Find(fields, "Content-Type") ?? "text/plain";
        var charset = Parameter(type, "charset") ?? "us-ascii";
        var encoding = (Find(fields, "Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        var bytes = encoding switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Convert.FromBase64String(body.Replace("\n", "")),
            _ => Encoding.UTF8.GetBytes(body),
        };
        return new Part(type.Split(';')[0].Trim().ToLowerInvariant(), charset.ToLowerInvariant(), encoding,
            Encoding.GetEncoding(charset).GetString(bytes));
    }

    private static (string Head, string Body) SplitHead(string text)
    {
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (text, "") : (text[..blank], text[(blank + 2)..]);
    }

    private static List<(string, string)> ParseHeaders(string block)
    {
        var fields = new List<(string, string)>();
        foreach (var line in block.Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && fields.Count > 0)
            {
                var (name, value) = fields[^1];
                fields[^1] = (name, value + line);
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0) fields.Add((line[..colon], line[(colon + 1)..]));
        }
        return fields.Select(f => (f.Item1, DecodeWords(f.Item2.Trim()))).ToList();
    }

    private static string? Find(List<(string Name, string Value)> fields, string name) =>
        fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Parameter(string headerValue, string name)
    {
        var match = Regex.Match(headerValue, $@";\s*{name}=(""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    // RFC 2047: whitespace between two adjacent encoded-words is not part of the text.
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(AdjacentWords().Replace(value, "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            var bytes = m.Groups["enc"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text.Replace('_', ' '));
            return charset.GetString(bytes);
        });

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '=')
            {
                output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++; // soft line break
                continue;
            }
            output.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 2;
        }
        return output.ToArray();
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[bBqQ])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWords();
}
