namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>What the server announced in its EHLO reply (RFC 5321 and its extensions).</summary>
internal sealed record ServerCapabilities(
    bool Pipelining, bool EightBitMime, bool SmtpUtf8, bool StartTls, long MaxSize, IReadOnlySet<string> AuthMechanisms)
{
    /// <summary>What a server that only answered HELO offers.</summary>
    public static readonly ServerCapabilities None = new(false, false, false, false, 0, new HashSet<string>());

    public static ServerCapabilities FromEhlo(IReadOnlyList<string> lines)
    {
        bool pipelining = false, eightBit = false, utf8 = false, startTls = false;
        long size = 0;
        var auth = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1)) // the first line is the server's greeting name
        {
            var words = line.Split([' ', '='], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            switch (words[0].ToUpperInvariant())
            {
                case "PIPELINING": pipelining = true; break;
                case "8BITMIME": eightBit = true; break;
                case "SMTPUTF8": utf8 = true; break;
                case "STARTTLS": startTls = true; break;
                case "SIZE": size = words.Length > 1 && long.TryParse(words[1], out var s) ? s : 0; break;
                case "AUTH": auth.UnionWith(words.Skip(1)); break;
            }
        }
        return new ServerCapabilities(pipelining, eightBit, utf8, startTls, size, auth);
    }
}
