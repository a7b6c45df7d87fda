using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>
/// A stored duty in the assessment contract's shape, with what was done about it. Instants carry the offset of the
/// authority's zone (<see cref="TimeZone"/>).
/// </summary>
public sealed record ObligationResource(
    Guid Id,
    Guid IncidentId,
    string Jurisdiction,
    string Recipient,
    string Authority,
    string Stage,
    bool Mandatory,
    string? Deadline,
    string? LatestDeadline,
    string? Target,
    string TimeZone,
    string RuleId,
    string RuleVersion,
    string Reason,
    IReadOnlyList<string> Sources,
    string Verification,
    string Status,
    bool Overdue,
    DecisionResource? Decision,
    FulfilmentResource? Fulfilment,
    string CreatedAt,
    string? SupersededAt,
    PeopleCountsResource? People = null)
{
    public static ObligationResource From(Obligation o, Instant now)
    {
        var zone = o.TimeZone;
        var decision = o is { Status: ObligationStatus.NotRequired, DecidedAt: { } at }
            ? new DecisionResource(o.DecidedBy ?? "", ApiTime.Format(at, zone), o.DecisionReason ?? "")
            : null;
        var fulfilment = o.FiledAt is { } filed
            ? new FulfilmentResource(ApiTime.Format(filed, zone), o.FiledBy ?? "", o.FilingReference ?? "", o.WasLate ?? false,
                o.EvidenceFileId is { } e ? EvidenceEndpoints.UrlOf(e) : null)
            : null;
        return new(o.Id, o.IncidentId, o.Jurisdiction, KebabCase<Recipient>.ToId(o.Recipient), o.Authority, o.Stage, o.Mandatory,
            ApiTime.Format(o.Deadline, zone), ApiTime.Format(o.LatestDeadline, zone), ApiTime.Format(o.Target, zone), zone,
            o.RuleId, o.RuleVersion, o.Reason, o.Sources, o.Verification, KebabCase<ObligationStatus>.ToId(o.Status),
            o.Status == ObligationStatus.Open && o.Deadline < now,
            decision, fulfilment, ApiTime.Format(o.CreatedAt, zone), ApiTime.Format(o.SupersededAt, zone), PeopleCountsResource.From(o));
    }
}

/// <summary>For a duty to tell people: how many of its jurisdiction's people are notified, pending, and unreachable (manual contact to do).</summary>
public sealed record PeopleCountsResource(int Notified, int Pending, int Unreachable, int Total, string CountedAt)
{
    public static PeopleCountsResource? From(Obligation o) =>
        o is { PeopleNotified: { } n, PeoplePending: { } p, PeopleUnreachable: { } u, PeopleCountedAt: { } at }
            ? new(n, p, u, n + p + u, ApiTime.Format(at, o.TimeZone)) : null;
}

public sealed record DecisionResource(string By, string At, string Rationale);

public sealed record FulfilmentResource(string FiledAt, string By, string Reference, bool Late, string? EvidenceUrl);

public sealed record ObligationList(IReadOnlyList<ObligationResource> Obligations);
