using System.Collections.Frozen;
using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>
/// Reads the assessment contract's JSON (design.md) into <see cref="IncidentFacts"/>, or says which fields
/// are wrong and why. Every problem is reported, each under the JSON path of its field.
/// </summary>
public static class AssessmentRequestParser
{
    public sealed record Result(IncidentFacts? Facts, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Facts is not null;
    }

    public static Result Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var doc = FieldReader.ParseDocument(utf8Json, out var errors);
        return doc is null ? new Result(null, errors) : Parse(doc.RootElement);
    }

    public static Result Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static Result Parse(JsonElement root)
    {
        var r = new FieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "The body must be a JSON object.");
            return new Result(null, r.Errors);
        }

        var organisation = ReadOrganisation(root, r);
        var f = ContractFacts.Read(r, root);
        if (r.HasErrors || organisation is null) return new Result(null, r.Errors);

        var aware = f.AwareAt!.Value;
        return new Result(new IncidentFacts(organisation, aware, f.DeterminedAt ?? aware, f.AssessedAt ?? aware,
            f.DataCategories!.ToFrozenSet(), f.Affected!.Select(e => new AffectedCount(e.Jurisdiction, e.Count)).ToList(),
            f.Exfiltration!.Value, f.Encryption!.Value, f.Cause!.Value, f.RiskLevel!.Value) { LawEnforcementHold = f.LawEnforcementHold }, r.Errors);
    }

    private static OrganisationProfile? ReadOrganisation(JsonElement root, FieldReader r)
    {
        if (!root.TryGetProperty("organisation", out var org) || org.ValueKind != JsonValueKind.Object)
        {
            r.Error("organisation", "is required: an object with establishments, timeZone and attributes.");
            return null;
        }
        var establishments = new List<JurisdictionCode>();
        if (FieldReader.Present(org, "establishments", out var est))
        {
            if (est.ValueKind != JsonValueKind.Array) r.Error("organisation.establishments", "must be an array of jurisdiction codes.");
            else
            {
                var n = 0;
                foreach (var e in est.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String && JurisdictionCode.TryParse(e.GetString(), out var code)) establishments.Add(code.Value);
                    else r.Error($"organisation.establishments[{n}]", $"{FieldReader.Show(e)} is not an ISO 3166 code such as 'IE' or 'US-TX'.");
                    n++;
                }
            }
        }
        var zone = r.Zone(org, "timeZone", "organisation.timeZone", required: true);
        var attributes = new List<string>();
        if (FieldReader.Present(org, "attributes", out var attrs))
        {
            if (attrs.ValueKind != JsonValueKind.Array) r.Error("organisation.attributes", "must be an array of strings.");
            else
            {
                var n = 0;
                foreach (var e in attrs.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String && OrganisationAttributes.IsWellFormed(e.GetString()!)) attributes.Add(e.GetString()!);
                    else r.Error($"organisation.attributes[{n}]", $"{FieldReader.Show(e)} is not a kebab-case attribute such as 'commercial-activity'.");
                    n++;
                }
            }
        }
        return zone is null ? null : new OrganisationProfile(establishments, zone, attributes.ToFrozenSet(StringComparer.Ordinal));
    }
}
