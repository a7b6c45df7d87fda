using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;

namespace Compliance.Web.Features.Incidents;

/// <summary>An incident as the API answers it: its facts, with the risk assessment last confirmed.</summary>
public sealed class IncidentResources(ComplianceDbContext db)
{
    public Task<IncidentResource> ForAsync(Incident incident, CancellationToken ct) =>
        RiskAssessmentResource.AttachAsync(IncidentResource.From(incident), incident, db, ct);
}
