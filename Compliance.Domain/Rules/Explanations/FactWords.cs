using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Explanations;

/// <summary>The plain words the explanations use for the facts' ids (the same words the incident form shows).</summary>
internal static class FactWords
{
    public static string Category(string id) => KebabCase<DataCategory>.Parse(id) switch
    {
        DataCategory.Name => "name",
        DataCategory.Email => "email address",
        DataCategory.Phone => "phone number",
        DataCategory.PostalAddress => "postal address",
        DataCategory.DateOfBirth => "date of birth",
        DataCategory.NationalId => "national ID number (Social Security number, SIN, HKID...)",
        DataCategory.Passport => "passport number",
        DataCategory.DriversLicence => "driver's licence",
        DataCategory.FinancialAccount => "account number with its access code",
        DataCategory.PaymentCard => "payment card",
        DataCategory.Credentials => "username or email with its password",
        DataCategory.Health => "health or medical information",
        DataCategory.Biometric => "biometric data",
        DataCategory.Genetic => "genetic data",
        DataCategory.RacialEthnicOrigin => "racial or ethnic origin",
        DataCategory.PoliticalOpinion => "political opinion",
        DataCategory.ReligiousBelief => "religious belief",
        DataCategory.TradeUnionMembership => "trade union membership",
        DataCategory.SexLifeOrientation => "sex life or sexual orientation",
        DataCategory.CriminalRecord => "criminal record",
        DataCategory.Location => "location",
        DataCategory.DonationHistory => "donation history",
        DataCategory.Children => "data about children",
        _ => "other data",
    };

    public static string Risk(RiskLevel r) => r switch
    {
        RiskLevel.Unlikely => "unlikely to result in a risk",
        RiskLevel.Risk => "a risk to people",
        _ => "a high risk to people",
    };

    public static string Exfiltration(Vocabulary.Exfiltration e) => e switch
    {
        Vocabulary.Exfiltration.Confirmed => "confirmed",
        Vocabulary.Exfiltration.Suspected => "suspected",
        _ => "not found",
    };

    public static string Cause(string id) => KebabCase<Vocabulary.Cause>.Parse(id) switch
    {
        Vocabulary.Cause.ExternalAttack => "an external attack",
        Vocabulary.Cause.Ransomware => "ransomware",
        Vocabulary.Cause.Phishing => "phishing",
        Vocabulary.Cause.Malware => "malware",
        Vocabulary.Cause.InsiderMalicious => "a malicious insider",
        Vocabulary.Cause.InsiderError => "an insider's error",
        Vocabulary.Cause.LostOrStolenDevice => "a lost or stolen device",
        Vocabulary.Cause.Misdirected => "misdirected mail or email",
        Vocabulary.Cause.Misconfiguration => "a misconfiguration",
        _ => "another cause",
    };

    /// <summary>The attribute as the organisation settings show it, without the list of laws in brackets.</summary>
    public static string Attribute(string id)
    {
        if (!OrganisationAttributes.Known.TryGetValue(id, out var text)) return $"'{id}'";
        var bracket = text.LastIndexOf(" (", StringComparison.Ordinal);
        return "“" + (bracket > 0 && text.EndsWith(')') ? text[..bracket] : text) + "”";
    }

    public static string List(IEnumerable<string> items, string last = "or")
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + $" {last} " + all[^1],
        };
    }
}
