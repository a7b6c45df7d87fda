using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>What was done for a duty; <paramref name="FilingId"/> names the saved filing version that was sent, when one was.</summary>
public sealed record FulfilDutyRequest(Guid ObligationId, Instant FiledAt, string Reference, EvidenceUpload? Evidence, Guid? FilingId = null);

/// <summary>
/// Recording that a duty was done: when, the reference received, and the evidence. Lateness is frozen at the first
/// filing, and duties that count from this one now count from the real date.
/// </summary>
public sealed class FulfilDuty(ComplianceDbContext db, RulesEngine engine, IClock clock)
{
    public async Task<Outcome<Obligation>> HandleAsync(Actor actor, FulfilDutyRequest request, CancellationToken ct = default)
    {
        var found = await new IncidentAccess(db, clock).DutyForAsync(actor, request.ObligationId, Operation.FulfilObligation, ct);
        if (!found.IsOk) return found;
        var obligation = found.Value!;
        var now = clock.GetCurrentInstant();
        if (obligation.Status == ObligationStatus.Superseded)
            return Outcome<Obligation>.Conflict("This duty was replaced after the facts changed; record the filing on the current one.");
        if (Problems(request, now) is { } invalid) return invalid;

        var reference = request.Reference.Trim();
        var evidenceId = AddEvidence(actor, obligation, request.Evidence, now);
        obligation.RecordFiling(request.FiledAt, actor.Email, reference, evidenceId);
        var audit = new AuditLog(db, clock);
        await audit.AppendAsync(actor.OrganisationId, obligation.IncidentId, actor.Email, "obligation.fulfilled",
            request.FilingId is { } filing
                ? new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, filedAt = request.FiledAt.ToString(), reference, late = obligation.WasLate, evidence = evidenceId, filing }
                : new { obligation.Id, obligation.RuleId, obligation.Jurisdiction, filedAt = request.FiledAt.ToString(), reference, late = obligation.WasLate, evidence = evidenceId } as object, ct);

        // Duties that count from this one (an AG copy "15 days after notifying people") now count from the real date.
        var incident = await db.Incidents.Include(i => i.Affected).SingleAsync(i => i.Id == obligation.IncidentId, ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        await new ObligationPlanner(db, engine, audit, clock).ReplanAsync(incident, organisation, actor.Email, ct);
        return await new IncidentCommit(db, clock).SaveAsync(actor.OrganisationId, obligation.IncidentId, obligation, ct);
    }

    private static Outcome<Obligation>? Problems(FulfilDutyRequest request, Instant now)
    {
        if (request.FiledAt > now + Duration.FromMinutes(5)) return Outcome<Obligation>.Invalid("filedAt", "is in the future; record a filing once it is made.");
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 256)
            return Outcome<Obligation>.Invalid("reference", "Give the reference the authority returned, or how the people were told (up to 256 characters).");
        if (PlainText.Problem(request.Reference.Trim(), 256) is { } bad) return Outcome<Obligation>.Invalid("reference", bad);
        if (request.Evidence is { Content.Length: > EvidenceFile.MaxBytes })
            return Outcome<Obligation>.Invalid("evidence", $"is larger than {EvidenceFile.MaxBytes / 1024 / 1024} MiB.");
        return null;
    }

    private Guid? AddEvidence(Actor actor, Obligation obligation, EvidenceUpload? evidence, Instant now)
    {
        if (evidence is not { Content.Length: > 0 }) return null;
        var file = new EvidenceFile(Guid.NewGuid(), actor.OrganisationId, obligation.Id, Path.GetFileName(evidence.FileName),
            evidence.ContentType, evidence.Content, actor.Email, now);
        db.EvidenceFiles.Add(file);
        return file.Id;
    }
}
