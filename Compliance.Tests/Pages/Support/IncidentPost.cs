namespace Compliance.Tests.Pages.Support;

/// <summary>The incident form as a person fills it in: 8,000 people in Ireland, a phishing attack, high risk.</summary>
public sealed record IncidentPost(
    string Title = "Phished mailbox with the supporter list",
    string Zone = "Europe/Dublin",
    string AwareAt = "2026-11-20T10:00",
    string? AwareChoice = null,
    string Jurisdiction = "IE",
    string Count = "8000",
    string Cause = "phishing",
    string RiskLevel = "high",
    int? Version = null)
{
    public (string Name, string Value)[] Fields()
    {
        var fields = new List<(string, string)>
        {
            ("Form.Title", Title),
            ("Form.Summary", "A staff mailbox was phished; it held an export of supporters."),
            ("Form.ClockZone", Zone),
            ("Form.AwareAt.Local", AwareAt),
            ("Form.DataCategories", "name"),
            ("Form.DataCategories", "email"),
            ("Form.Affected[0].Jurisdiction", Jurisdiction),
            ("Form.Affected[0].Count", Count),
            ("Form.Affected[1].Jurisdiction", ""),
            ("Form.Affected[1].Count", ""),
            ("Form.Exfiltration", "confirmed"),
            ("Form.Encryption", "none"),
            ("Form.Cause", Cause),
            ("Form.RiskLevel", RiskLevel),
            ("Form.RiskRationale", "Names and emails of people who support a rights group, in the hands of a phisher."),
        };
        if (AwareChoice is not null) fields.Add(("Form.AwareAt.Choice", AwareChoice));
        if (Version is not null) fields.Add(("Form.Version", Version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return fields.ToArray();
    }
}
