using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Incidents;

/// <summary>How many people in one jurisdiction an incident touched.</summary>
public sealed class AffectedPopulation
{
    private AffectedPopulation() { Jurisdiction = ""; }

    public AffectedPopulation(Guid incidentId, JurisdictionCode jurisdiction, int count)
    {
        IncidentId = incidentId;
        Jurisdiction = jurisdiction.Value;
        Count = count;
    }

    public long Id { get; private set; }
    public Guid IncidentId { get; private set; }
    public string Jurisdiction { get; private set; }
    public int Count { get; set; }

    /// <summary>True when the count is an estimate still being refined.</summary>
    public bool Estimated { get; set; }
}
