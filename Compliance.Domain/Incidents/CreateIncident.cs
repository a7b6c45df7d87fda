using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Tasks;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Incidents;

/// <summary>Logging an incident: its reference, its duties computed at once, and the tasks of the organisation's template.</summary>
public sealed class CreateIncident(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public async Task<Outcome<Incident>> HandleAsync(Actor actor, IncidentInput request, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        if (!Permissions.Allows(actor, Operation.CreateIncident, null, clock.GetCurrentInstant())) return Outcome<Incident>.Forbidden();
        var now = clock.GetCurrentInstant();
        if (FutureClocks.In(request, now) is { Count: > 0 } future) return Outcome<Incident>.Invalid(future);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);

        var year = request.AwareAt.InZone(DateTimeZoneProviders.Tzdb[organisation.TimeZone]).Year;
        var prefix = $"INC-{year}-";
        var taken = await db.Incidents.CountAsync(i => i.Reference.StartsWith(prefix), ct);
        var incident = new Incident(Guid.NewGuid(), actor.OrganisationId, $"{prefix}{taken + 1:000}", request.Title, request.AwareAt, now);
        request.ApplyTo(incident);
        db.Incidents.Add(incident);
        var audit = new AuditLog(db, clock);
        await audit.AppendAsync(actor.OrganisationId, incident.Id, actor.Email, "incident.created", IncidentInput.ToJson(incident), ct);
        await new ObligationPlanner(db, engine, audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        await TaskTemplateStart.StartAsync(db, audit, incident, organisation, actor.Email, clock, ct);
        return await new IncidentCommit(db, clock).SaveAsync(incident.OrganisationId, incident.Id, incident, ct);
    }
}
