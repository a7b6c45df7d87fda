using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Workspace;

/// <summary>
/// The facts a person enters about an incident, validated. The JSON uses the assessment contract's field names
/// (design.md) plus title, summary, riskRationale, occurredFrom/Until and the zone the clocks were entered in.
/// </summary>
public sealed record IncidentInput(
    string Title,
    string Summary,
    Instant AwareAt,
    Instant? DeterminedAt,
    Instant? AssessedAt,
    Instant? OccurredFrom,
    Instant? OccurredUntil,
    IReadOnlyList<DataCategory> DataCategories,
    IReadOnlyList<FieldReader.AffectedEntry> Affected,
    Exfiltration Exfiltration,
    Encryption Encryption,
    Cause Cause,
    RiskLevel RiskLevel,
    string RiskRationale,
    string ClockZone)
{
    /// <summary>Law enforcement asked to delay notices to people over this span; null when not (or no longer).</summary>
    public LawEnforcementHold? LawEnforcementHold { get; init; }

    public static (IncidentInput? Input, IReadOnlyDictionary<string, string[]> Errors) Parse(JsonElement root, string defaultZone)
    {
        var r = new FieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "The body must be a JSON object.");
            return (null, r.Errors);
        }
        var title = r.String(root, "title", "title", required: true, maxLength: 200);
        var summary = r.String(root, "summary", "summary", required: false, maxLength: 20000, multiline: true) ?? "";
        var facts = ContractFacts.Read(r, root);
        var from = r.Instant(root, "occurredFrom", "occurredFrom", required: false);
        var until = r.Instant(root, "occurredUntil", "occurredUntil", required: false);
        var rationale = r.String(root, "riskRationale", "riskRationale", required: false, maxLength: 4000, multiline: true) ?? "";
        var zone = r.Zone(root, "timeZone", "timeZone", required: false)?.Id ?? defaultZone;

        // US breach laws are the states' (and territories'); "US" alone would find no duty and say nothing of why.
        if (facts.Affected?.FindIndex(a => a.Jurisdiction.Value == "US") is >= 0 and var us)
            r.Error($"affected[{us}].jurisdiction", "'US' covers many laws: give each state or territory where the people live, such as US-CA, US-NY or US-PR, with its own count.");
        if (from is { } f && until is { } u && u < f) r.Error("occurredUntil", "must not be before occurredFrom.");
        if (from is { } f2 && facts.AwareAt is { } a && f2 > a) r.Error("occurredFrom", "must not be after awareAt: you cannot be aware of a breach before it happened.");

        if (r.HasErrors) return (null, r.Errors);
        return (new IncidentInput(title!, summary, facts.AwareAt!.Value, facts.DeterminedAt, facts.AssessedAt, from, until, facts.DataCategories!,
            facts.Affected!, facts.Exfiltration!.Value, facts.Encryption!.Value, facts.Cause!.Value, facts.RiskLevel!.Value, rationale, zone) { LawEnforcementHold = facts.LawEnforcementHold }, r.Errors);
    }

    /// <summary>The incident's current facts as the JSON this record parses, for PATCH: overlay, then parse again.</summary>
    public static JsonObject ToJson(Incident i)
    {
        static JsonNode? At(Instant? v) => v is { } x ? JsonValue.Create(InstantPattern.ExtendedIso.Format(x)) : null;
        return new JsonObject
        {
            ["title"] = i.Title,
            ["summary"] = i.Summary,
            ["awareAt"] = At(i.AwareAt),
            ["determinedAt"] = At(i.DeterminedAt),
            ["assessedAt"] = At(i.AssessedAt),
            ["occurredFrom"] = At(i.OccurredFrom),
            ["occurredUntil"] = At(i.OccurredUntil),
            ["dataCategories"] = new JsonArray(i.DataCategories.Select(c => (JsonNode)KebabCase<DataCategory>.ToId(c)).ToArray()),
            ["affected"] = new JsonArray(i.Affected.OrderBy(a => a.Jurisdiction, StringComparer.Ordinal)
                .Select(a => (JsonNode)new JsonObject { ["jurisdiction"] = a.Jurisdiction, ["count"] = a.Count, ["estimated"] = a.Estimated }).ToArray()),
            ["exfiltration"] = KebabCase<Exfiltration>.ToId(i.Exfiltration),
            ["encryption"] = KebabCase<Encryption>.ToId(i.Encryption),
            ["cause"] = KebabCase<Cause>.ToId(i.Cause),
            ["riskLevel"] = KebabCase<RiskLevel>.ToId(i.RiskLevel),
            ["riskRationale"] = i.RiskRationale,
            ["timeZone"] = i.ClockZone,
            ["lawEnforcementHold"] = i.LawEnforcementHold is { } hold ? new JsonObject { ["from"] = At(hold.From), ["until"] = At(hold.Until) } : null,
        };
    }

    /// <summary>Applies these facts to an incident and lists what changed, field by field, for the audit log.</summary>
    public List<FieldChange> ApplyTo(Incident incident)
    {
        var before = ToJson(incident);
        incident.Title = Title;
        incident.Summary = Summary;
        incident.AwareAt = AwareAt;
        incident.DeterminedAt = DeterminedAt;
        incident.AssessedAt = AssessedAt;
        incident.OccurredFrom = OccurredFrom;
        incident.OccurredUntil = OccurredUntil;
        incident.DataCategories = DataCategories.ToList();
        foreach (var gone in incident.Affected.Where(a => Affected.All(n => n.Jurisdiction.Value != a.Jurisdiction)).ToList())
            incident.Affected.Remove(gone);
        foreach (var a in Affected) incident.SetAffected(a.Jurisdiction, a.Count, a.Estimated);
        incident.Exfiltration = Exfiltration;
        incident.Encryption = Encryption;
        incident.Cause = Cause;
        incident.RiskLevel = RiskLevel;
        incident.RiskRationale = RiskRationale;
        incident.ClockZone = ClockZone;
        incident.LawEnforcementHoldFrom = LawEnforcementHold?.From;
        incident.LawEnforcementHoldUntil = LawEnforcementHold?.Until;
        var after = ToJson(incident);

        var changes = new List<FieldChange>();
        foreach (var (field, value) in after)
        {
            var old = before[field]?.ToJsonString();
            var now = value?.ToJsonString();
            if (old != now) changes.Add(new FieldChange(field, old, now));
        }
        return changes;
    }
}

/// <summary>One field's before and after, as JSON text (null when absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
