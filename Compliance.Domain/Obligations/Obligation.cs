using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Obligations;

public enum ObligationStatus { Open, Done, NotRequired, Superseded }

/// <summary>
/// One duty an incident created: who must be told, by when, and why. The rule's citation, clock and
/// recipient are copied here so that correcting the catalogue later never rewrites what was cited.
/// A recomputation that changes a duty supersedes the old row; it is never deleted.
/// </summary>
public sealed class Obligation
{
    private Obligation() { Jurisdiction = ""; Authority = ""; Stage = ""; TimeZone = ""; RuleId = ""; RuleVersion = ""; Reason = ""; Verification = ""; }

    public Obligation(Guid id, Guid organisationId, Guid incidentId, string jurisdiction, Recipient recipient, string authority,
        string stage, bool mandatory, Instant? deadline, Instant? latestDeadline, Instant? target, string timeZone,
        string ruleId, string ruleVersion, string reason, IEnumerable<string> sources, string verification, Instant createdAt)
    {
        Id = id;
        OrganisationId = organisationId;
        IncidentId = incidentId;
        Jurisdiction = jurisdiction;
        Recipient = recipient;
        Authority = authority;
        Stage = stage;
        Mandatory = mandatory;
        Deadline = deadline;
        LatestDeadline = latestDeadline;
        Target = target;
        TimeZone = timeZone;
        RuleId = ruleId;
        RuleVersion = ruleVersion;
        Reason = reason;
        Sources = sources.ToList();
        Verification = verification;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid IncidentId { get; private set; }
    public string Jurisdiction { get; private set; }
    public Recipient Recipient { get; private set; }
    public string Authority { get; private set; }
    public string Stage { get; private set; }
    public bool Mandatory { get; private set; }

    /// <summary>The conservative hard limit; null where the law sets none ("as soon as practicable").</summary>
    public Instant? Deadline { get; private set; }
    public Instant? LatestDeadline { get; private set; }
    public Instant? Target { get; private set; }
    public string TimeZone { get; private set; }

    public string RuleId { get; private set; }
    public string RuleVersion { get; private set; }
    public string Reason { get; private set; }
    public List<string> Sources { get; private set; } = [];

    /// <summary>V, S or M as in the law reference; M is shown as "verify with counsel".</summary>
    public string Verification { get; private set; }

    public ObligationStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public Instant? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    public Instant? FiledAt { get; private set; }
    public string? FiledBy { get; private set; }
    public string? FilingReference { get; private set; }
    public Guid? EvidenceFileId { get; private set; }

    /// <summary>Lateness is frozen at the first filing: a later rule correction does not make a filing late or on time.</summary>
    public bool? WasLate { get; private set; }

    /// <summary>The rule's terms as they were when this duty was computed (<see cref="DutyTerms"/> as JSON); null on rows older than the snapshot.</summary>
    public string? Terms { get; private set; }

    public DutyTerms? TermsSnapshot => DutyTerms.FromJson(Terms);

    public Obligation WithTerms(DutyTerms? terms)
    {
        Terms = terms?.ToJson();
        return this;
    }

    public Instant CreatedAt { get; private set; }
    public Instant? SupersededAt { get; private set; }

    /// <summary>
    /// For a duty to tell people: how many of its jurisdiction's people are notified (email sent, or a successful manual
    /// contact), still pending (emailable, not sent yet) and unreachable (manual contact still to do); null until counted.
    /// </summary>
    public int? PeopleNotified { get; private set; }
    public int? PeoplePending { get; private set; }
    public int? PeopleUnreachable { get; private set; }
    public Instant? PeopleCountedAt { get; private set; }

    /// <summary>Records the counts; false when they are what was recorded already (nothing to audit).</summary>
    public bool CountPeople(int notified, int pending, int unreachable, Instant at)
    {
        if (PeopleNotified == notified && PeoplePending == pending && PeopleUnreachable == unreachable) return false;
        (PeopleNotified, PeoplePending, PeopleUnreachable, PeopleCountedAt) = (notified, pending, unreachable, at);
        return true;
    }

    /// <summary>The same duty (rule, place, recipient, stage, authority), whatever its deadline: a superseded row and its replacement.</summary>
    public bool IsSameDutyAs(Obligation other) =>
        RuleId == other.RuleId && Jurisdiction == other.Jurisdiction && Recipient == other.Recipient && Stage == other.Stage && Authority == other.Authority;

    public void RecordFiling(Instant filedAt, string filedBy, string reference, Guid? evidenceFileId = null)
    {
        if (Status == ObligationStatus.Superseded) throw new InvalidOperationException("A superseded duty cannot be filed.");
        FiledAt ??= filedAt;
        WasLate ??= Deadline is { } d && filedAt > d;
        FiledBy = filedBy;
        FilingReference = reference;
        EvidenceFileId = evidenceFileId ?? EvidenceFileId;
        Status = ObligationStatus.Done;
    }

    public void DecideNotRequired(Instant at, string by, string why)
    {
        if (string.IsNullOrWhiteSpace(why)) throw new ArgumentException("Say why the duty is not required.", nameof(why));
        Status = ObligationStatus.NotRequired;
        DecidedAt = at;
        DecidedBy = by;
        DecisionReason = why;
    }

    public void Supersede(Instant at)
    {
        Status = ObligationStatus.Superseded;
        SupersededAt = at;
    }
}
