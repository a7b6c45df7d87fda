using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Obligations;

/// <summary>The evidence kept with duties' filings, for those who may read the incident.</summary>
public sealed class DutyEvidence(ComplianceDbContext db, IClock clock)
{
    public async Task<Outcome<EvidenceFile>> ReadAsync(Actor actor, Guid evidenceId, CancellationToken ct = default)
    {
        db.OrganisationScope = actor.OrganisationId;
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        // A task's evidence is read through its task (IncidentTaskQuery).
        if (file?.ObligationId is not { } obligationId) return Outcome<EvidenceFile>.NotFound();
        var duty = await new IncidentAccess(db, clock).DutyForAsync(actor, obligationId, Operation.ReadIncident, ct);
        return duty.IsOk ? Outcome<EvidenceFile>.Ok(file) : duty.Refusal<EvidenceFile>();
    }

    /// <summary>The file names of these duties' evidence (names only: the files are read one at a time, on download).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Obligation> duties, CancellationToken ct = default)
    {
        var ids = duties.Where(o => o.EvidenceFileId is not null).Select(o => o.EvidenceFileId!.Value).ToList();
        return await db.EvidenceFiles.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.FileName })
            .ToDictionaryAsync(e => e.Id, e => e.FileName, ct);
    }
}
