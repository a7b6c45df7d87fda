namespace Compliance.Domain.Organisations;

/// <summary>Facts about an organisation that gate laws; the rules that read them declare them.</summary>
public static class OrganisationAttributes
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["commercial-activity"] = "Sells, barters or leases personal information such as donor lists (PIPEDA, Alberta PIPA)",
        ["au-turnover-over-3m"] = "Annual turnover above A$3 million (Australia's Privacy Act applies)",
        ["au-carve-in"] = "Covered in Australia regardless of turnover (health service, trades in personal information, Commonwealth contractor)",
        ["br-small-processing-agent"] = "Small processing agent under ANPD Resolution 2/2022 (doubled periods in Brazil)",
        ["in-body-corporate"] = "A body corporate in India, e.g. a section 8 company (CERT-In directions)",
        ["ny-dfs-regulated"] = "Regulated by the New York Department of Financial Services",
    };

    public static bool IsWellFormed(string s) =>
        s.Length is > 0 and <= 64 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
