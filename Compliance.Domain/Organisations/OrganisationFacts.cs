using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// The checks of an organisation's facts, the same when it is created on the command line and when an admin changes
/// them: messages by field, as the API names them; the establishments as codes when all are well formed.
/// </summary>
public static class OrganisationFacts
{
    public static Dictionary<string, string[]> Problems(string name, string timeZone, IReadOnlyList<string> establishments, IReadOnlyList<string> attributes,
        out List<JurisdictionCode> codes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["Give the organisation's name (up to 200 characters)."];
        else if (PlainText.Problem(name.Trim(), PlainText.Line) is { } badName) errors["name"] = [badName];
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null) errors["timeZone"] = [$"'{timeZone}' is not an IANA time zone such as 'Europe/Dublin'."];
        codes = [];
        foreach (var (code, n) in establishments.Select((c, n) => (c, n)))
        {
            if (JurisdictionCode.TryParse(code, out var parsed)) codes.Add(parsed.Value);
            else errors[$"establishments[{n}]"] = [$"'{code}' is not an ISO 3166 code such as 'IE' or 'US-TX'."];
        }
        foreach (var (attribute, n) in attributes.Select((a, n) => (a, n)))
            if (!OrganisationAttributes.IsWellFormed(attribute))
                errors[$"attributes[{n}]"] = [$"'{attribute}' is not a kebab-case attribute; known: {string.Join(", ", OrganisationAttributes.Known.Keys)}."];
        return errors;
    }
}
