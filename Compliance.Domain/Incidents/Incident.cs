using Compliance.Domain.Vocabulary;
using Compliance.Domain.Rules.Assessment;
using NodaTime;

namespace Compliance.Domain.Incidents;

public enum IncidentStatus { Open, Contained, Closed }

/// <summary>
/// What the security lead knows about one breach. Each clock the law may start from is kept apart:
/// awareness is the law's usual anchor; "determined" is the US and Canadian one; "assessed" Singapore's.
/// </summary>
public sealed class Incident
{
    private Incident() { Reference = ""; Title = ""; Summary = ""; }

    public Incident(Guid id, Guid organisationId, string reference, string title, Instant awareAt, Instant createdAt)
    {
        Id = id;
        OrganisationId = organisationId;
        Reference = reference;
        Title = title;
        Summary = "";
        AwareAt = awareAt;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Reference { get; private set; }
    public string Title { get; set; }
    public string Summary { get; set; }
    public IncidentStatus Status { get; set; }

    public Instant? OccurredFrom { get; set; }
    public Instant? OccurredUntil { get; set; }
    public Instant AwareAt { get; set; }
    public Instant? DeterminedAt { get; set; }
    public Instant? AssessedAt { get; set; }

    /// <summary>Law enforcement asked to hold notices to individuals from this instant (law reference §0.9)...</summary>
    public Instant? LawEnforcementHoldFrom { get; set; }

    /// <summary>...until this one. Both are set, or neither.</summary>
    public Instant? LawEnforcementHoldUntil { get; set; }

    public LawEnforcementHold? LawEnforcementHold =>
        LawEnforcementHoldFrom is { } from && LawEnforcementHoldUntil is { } until ? new LawEnforcementHold(from, until) : null;

    public List<DataCategory> DataCategories { get; set; } = [];
    public Exfiltration Exfiltration { get; set; } = Exfiltration.Suspected;
    public Encryption Encryption { get; set; } = Encryption.None;
    public Cause Cause { get; set; } = Cause.Other;
    public RiskLevel RiskLevel { get; set; } = RiskLevel.Risk;

    /// <summary>Why the organisation judged the risk as it did: the documented judgement regulators ask for.</summary>
    public string RiskRationale { get; set; } = "";

    /// <summary>The zone the clocks were entered in, to show them back as the user typed them.</summary>
    public string ClockZone { get; set; } = "UTC";

    public List<AffectedPopulation> Affected { get; private set; } = [];

    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two people editing one incident must not overwrite each other silently.</summary>
    public int Version { get; set; }

    public int TotalAffected => Affected.Sum(a => a.Count);

    public void SetAffected(JurisdictionCode jurisdiction, int count, bool estimated = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var existing = Affected.FirstOrDefault(a => a.Jurisdiction == jurisdiction.Value);
        if (existing is null) Affected.Add(new AffectedPopulation(Id, jurisdiction, count) { Estimated = estimated });
        else
        {
            existing.Count = count;
            existing.Estimated = estimated;
        }
    }
}
