namespace Compliance.Domain.Vocabulary;

/// <summary>
/// Whether text is a plain email address as people write them (local@domain.tld): what an import or an invitation
/// may hold. Not every address RFC 5322 allows (quoted local parts, comments, IP literals), on purpose.
/// </summary>
public static class EmailAddress
{
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length is 0 or > 254) return false;
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at > 64) return false;
        var local = text.AsSpan(0, at);
        var domain = text.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c) || c > 127 && !char.IsWhiteSpace(c) && !char.IsControl(c))) return false;
        var labels = domain.ToString().Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-'
            && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c > 127 && char.IsLetterOrDigit(c)));
    }
}
