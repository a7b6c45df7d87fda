using Compliance.Domain.Incidents;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Risk;

/// <summary>What the risk method reads of the incident: the facts the person already entered on the incident form.</summary>
public sealed record RiskFacts(IReadOnlyCollection<DataCategory> Categories, int Affected, Exfiltration Exfiltration, Encryption Encryption, Cause Cause)
{
    public static RiskFacts Of(Incident incident) =>
        new(incident.DataCategories, incident.TotalAffected, incident.Exfiltration, incident.Encryption, incident.Cause);
}
