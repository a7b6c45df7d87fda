using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using NodaTime;

namespace Compliance.Domain.Workspace;

/// <summary>
/// Transitional: what other features still call by this name. Each member hands over to the class that now does
/// the work (<see cref="IncidentAccess"/>, the queries and the command handlers of Incidents and Obligations);
/// callers move to those, then this class goes.
/// </summary>
public sealed class IncidentWorkspace(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content)
    {
        public Obligations.EvidenceUpload ToUpload() => new(FileName, ContentType, Content);
    }

    private IncidentAccess Access => new(db, clock);

    public Task<Outcome<Incident>> GetAsync(Actor actor, Guid id, CancellationToken ct = default) => Access.GetAsync(actor, id, ct);

    public Task<Outcome<Incident>> PeopleAccessAsync(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        Access.PeopleAccessAsync(actor, incidentId, ct);

    public Task<Outcome<T>?> DenyPeopleAccessAsync<T>(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        Access.DenyPeopleAccessAsync<T>(actor, incidentId, ct);

    public Task<IReadOnlyList<(Obligation Obligation, Incident Incident)>> OpenDutiesAsync(Actor actor, CancellationToken ct = default) =>
        new OpenDuties(db, clock).ReadAsync(actor, ct);

    public Task<Outcome<Incident>> CreateAsync(Actor actor, IncidentInput input, CancellationToken ct = default) =>
        new CreateIncident(db, engine, clock).HandleAsync(actor, input, ct);

    public Task<Outcome<Incident>> UpdateAsync(Actor actor, Guid id, IncidentInput input, int? expectedVersion, CancellationToken ct = default) =>
        new UpdateIncident(db, engine, clock).HandleAsync(actor, new UpdateIncidentRequest(id, input, expectedVersion), ct);

    public Task<Outcome<IReadOnlyList<Obligation>>> ObligationsAsync(Actor actor, Guid incidentId, bool withHistory, CancellationToken ct = default) =>
        new IncidentDuties(db, clock).ReadAsync(actor, incidentId, withHistory, ct);

    public Task<Outcome<Obligation>> DecideNotRequiredAsync(Actor actor, Guid obligationId, string rationale, CancellationToken ct = default) =>
        new DecideNotRequired(db, clock).HandleAsync(actor, new DecideNotRequiredRequest(obligationId, rationale), ct);

    public Task<Outcome<Obligation>> FulfilAsync(Actor actor, Guid obligationId, Instant filedAt, string reference, EvidenceUpload? evidence, CancellationToken ct = default) =>
        new FulfilDuty(db, engine, clock).HandleAsync(actor, new FulfilDutyRequest(obligationId, filedAt, reference, evidence?.ToUpload()), ct);
}
