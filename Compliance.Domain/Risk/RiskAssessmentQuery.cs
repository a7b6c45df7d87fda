using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Risk;

/// <summary>An incident with its last confirmed risk assessment (null before the first one).</summary>
public sealed record RiskAssessmentView(Incident Incident, RiskAssessment? Assessment);

/// <summary>An incident's guided risk assessment, for whoever may read the incident.</summary>
public sealed class RiskAssessmentQuery(ComplianceDbContext db, IncidentAccess incidents)
{
    public async Task<Outcome<RiskAssessmentView>> GetAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var incident = await incidents.GetAsync(actor, incidentId, ct);
        if (!incident.IsOk) return incident.Refusal<RiskAssessmentView>();
        var assessment = await db.RiskAssessments.SingleOrDefaultAsync(r => r.IncidentId == incidentId, ct);
        return Outcome<RiskAssessmentView>.Ok(new RiskAssessmentView(incident.Value!, assessment));
    }

    /// <summary>The last confirmed assessment of an incident the caller was already allowed to read, or null.</summary>
    public Task<RiskAssessment?> OfAsync(Incident incident, CancellationToken ct = default) => LastConfirmedAsync(db, incident.Id, ct);

    /// <summary>The same, read without tracking, for a reader that checked access itself (the incident page's read).</summary>
    public static Task<RiskAssessment?> LastConfirmedAsync(ComplianceDbContext db, Guid incidentId, CancellationToken ct = default) =>
        db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == incidentId, ct);
}
