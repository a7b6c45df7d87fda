using System.Collections.Frozen;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>What the rules engine reads of a stored incident and its organisation.</summary>
public static class IncidentFactsFactory
{
    public static IncidentFacts From(Incident incident, Organisation organisation, IEnumerable<Obligation>? fulfilled = null) => new(
        new OrganisationProfile(
            organisation.Establishments.Select(JurisdictionCode.Parse).ToList(),
            DateTimeZoneProviders.Tzdb[organisation.TimeZone],
            organisation.Attributes.ToFrozenSet(StringComparer.Ordinal)),
        incident.AwareAt,
        incident.DeterminedAt ?? incident.AwareAt,
        incident.AssessedAt ?? incident.AwareAt,
        incident.DataCategories.ToFrozenSet(),
        incident.Affected.Select(a => new AffectedCount(JurisdictionCode.Parse(a.Jurisdiction), a.Count)).ToList(),
        incident.Exfiltration,
        incident.Encryption,
        incident.Cause,
        incident.RiskLevel)
    {
        LawEnforcementHold = incident.LawEnforcementHold,
        FulfilledAt = (fulfilled ?? [])
            .Where(o => o.FiledAt is not null && o.Status == ObligationStatus.Done)
            .GroupBy(o => IncidentFacts.FulfilmentKey(o.RuleId, o.Jurisdiction))
            .ToDictionary(g => g.Key, g => g.Min(o => o.FiledAt!.Value)),
    };
}
