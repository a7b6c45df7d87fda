using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Tests.Support;

/// <summary>The incident handlers a test sets its scene with, on one context, as a person would use them.</summary>
internal sealed class IncidentCommands(ComplianceDbContext db, IClock clock)
{
    public Task<Outcome<Incident>> GetAsync(Actor actor, Guid id) => new IncidentAccess(db, clock).GetAsync(actor, id);

    public Task<Outcome<Incident>> CreateAsync(Actor actor, IncidentInput input) => new CreateIncident(db, RulesEngine.Default, clock).HandleAsync(actor, input);

    public Task<Outcome<Incident>> UpdateAsync(Actor actor, Guid id, IncidentInput input, int? expectedVersion) =>
        new UpdateIncident(db, RulesEngine.Default, clock).HandleAsync(actor, new UpdateIncidentRequest(id, input, expectedVersion));

    public Task<Outcome<IReadOnlyList<Obligation>>> ObligationsAsync(Actor actor, Guid incidentId, bool withHistory) =>
        new IncidentDuties(db, clock).ReadAsync(actor, incidentId, withHistory);

    public Task<Outcome<Obligation>> DecideNotRequiredAsync(Actor actor, Guid obligationId, string rationale) =>
        new DecideNotRequired(db, clock).HandleAsync(actor, new DecideNotRequiredRequest(obligationId, rationale));

    public Task<Outcome<Obligation>> FulfilAsync(Actor actor, Guid obligationId, Instant filedAt, string reference, EvidenceUpload? evidence) =>
        new FulfilDuty(db, RulesEngine.Default, clock).HandleAsync(actor, new FulfilDutyRequest(obligationId, filedAt, reference, evidence));
}
