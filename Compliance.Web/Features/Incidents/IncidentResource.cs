using Compliance.Domain.Incidents;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Incidents;

/// <summary>An incident as the API shows it: the facts in the assessment contract's names, plus status and version.</summary>
public sealed record IncidentResource(
    Guid Id,
    string Reference,
    string Status,
    int Version,
    string Title,
    string Summary,
    string AwareAt,
    string? DeterminedAt,
    string? AssessedAt,
    string? OccurredFrom,
    string? OccurredUntil,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<AffectedResource> Affected,
    int TotalAffected,
    string Exfiltration,
    string Encryption,
    string Cause,
    string RiskLevel,
    string RiskRationale,
    string TimeZone,
    string CreatedAt,
    string UpdatedAt)
{
    /// <summary>Law enforcement's request to delay notices to people, or null (additive).</summary>
    public HoldResource? LawEnforcementHold { get; init; }

    /// <summary>The guided risk assessment last confirmed, or null (additive).</summary>
    public RiskAssessmentResource? RiskAssessment { get; init; }

    // Clocks are shown in the zone they were entered in.
    public static IncidentResource From(Incident i) => new(
        i.Id, i.Reference, KebabCase<IncidentStatus>.ToId(i.Status), i.Version, i.Title, i.Summary,
        ApiTime.Format(i.AwareAt, i.ClockZone), ApiTime.Format(i.DeterminedAt, i.ClockZone), ApiTime.Format(i.AssessedAt, i.ClockZone),
        ApiTime.Format(i.OccurredFrom, i.ClockZone), ApiTime.Format(i.OccurredUntil, i.ClockZone),
        i.DataCategories.Select(KebabCase<DataCategory>.ToId).ToList(),
        i.Affected.OrderBy(a => a.Jurisdiction, StringComparer.Ordinal).Select(a => new AffectedResource(a.Jurisdiction, a.Count, a.Estimated)).ToList(),
        i.TotalAffected,
        KebabCase<Exfiltration>.ToId(i.Exfiltration), KebabCase<Encryption>.ToId(i.Encryption), KebabCase<Cause>.ToId(i.Cause),
        KebabCase<RiskLevel>.ToId(i.RiskLevel), i.RiskRationale, i.ClockZone,
        ApiTime.Format(i.CreatedAt, i.ClockZone), ApiTime.Format(i.UpdatedAt, i.ClockZone))
    {
        LawEnforcementHold = i.LawEnforcementHold is { } hold ? new HoldResource(ApiTime.Format(hold.From, i.ClockZone), ApiTime.Format(hold.Until, i.ClockZone)) : null,
    };

    /// <summary>The validator for If-Match: the version in quotes.</summary>
    public static string ETagOf(Incident i) => IfMatch.ETagOf(i.Version);
}

public sealed record HoldResource(string From, string Until);

public sealed record AffectedResource(string Jurisdiction, int Count, bool Estimated);

/// <summary>One line of the incident list, with the soonest open deadline in its authority's zone.</summary>
public sealed record IncidentSummary(
    Guid Id,
    string Reference,
    string Title,
    string Status,
    int Version,
    string AwareAt,
    string RiskLevel,
    int TotalAffected,
    int OpenObligations,
    string? NextDeadline,
    string TimeZone,
    string UpdatedAt)
{
    public static IncidentSummary From(IncidentOverviewRow row)
    {
        var (i, next) = (row.Incident, row.Next);
        return new(i.Id, i.Reference, i.Title, KebabCase<IncidentStatus>.ToId(i.Status), i.Version,
            ApiTime.Format(i.AwareAt, i.ClockZone), KebabCase<RiskLevel>.ToId(i.RiskLevel), i.TotalAffected, row.OpenDuties.Count,
            next is null ? null : ApiTime.Format(next.Deadline, next.TimeZone), i.ClockZone, ApiTime.Format(i.UpdatedAt, i.ClockZone));
    }
}

/// <summary>A page of incidents; <c>next</c> is the link to the following page, null on the last.</summary>
public sealed record IncidentList(IReadOnlyList<IncidentSummary> Incidents, string? Next);
