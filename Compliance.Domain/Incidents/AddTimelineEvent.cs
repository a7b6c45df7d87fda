using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Domain.Incidents;

public sealed record AddTimelineEventRequest(Guid IncidentId, Instant At, string Description);

/// <summary>Recording on the incident's timeline something that happened, when, and who recorded it.</summary>
public sealed class AddTimelineEvent(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<TimelineEvent>> HandleAsync(Actor actor, AddTimelineEventRequest request, CancellationToken ct = default)
    {
        var found = await new IncidentAccess(db, clock).ForAsync(actor, request.IncidentId, Operation.AddTimelineEvent, ct);
        if (!found.IsOk) return found.Refusal<TimelineEvent>();
        var description = request.Description.Trim();
        if (description.Length == 0) return Outcome<TimelineEvent>.Invalid("description", "Say what happened.");
        if (PlainText.Problem(description, 4000, multiline: true) is { } bad) return Outcome<TimelineEvent>.Invalid("description", bad);

        var entry = new TimelineEvent(Guid.NewGuid(), actor.OrganisationId, request.IncidentId, request.At, description, actor.Email, clock.GetCurrentInstant());
        db.TimelineEvents.Add(entry);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "timeline.added",
            new { entry.Id, at = request.At.ToString(), entry.Description }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<TimelineEvent>.Ok(entry);
    }
}
