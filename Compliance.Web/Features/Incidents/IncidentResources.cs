using Compliance.Domain.Incidents;
using Compliance.Domain.Risk;

namespace Compliance.Web.Features.Incidents;

/// <summary>An incident as the API answers it: its facts, with the risk assessment last confirmed (additive field
/// <c>riskAssessment</c>, null before the first one).</summary>
public sealed class IncidentResources(RiskAssessmentQuery risk)
{
    public async Task<IncidentResource> ForAsync(Incident incident, CancellationToken ct) =>
        await risk.OfAsync(incident, ct) is { } assessment
            ? IncidentResource.From(incident) with { RiskAssessment = RiskAssessmentResource.From(assessment, incident) }
            : IncidentResource.From(incident);
}
