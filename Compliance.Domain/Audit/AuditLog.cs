using System.Text.Json;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>
/// Appends to an organisation's hash-chained log inside the caller's unit of work: the change and its audit
/// line are saved together or not at all.
/// </summary>
public sealed class AuditLog(ComplianceDbContext db, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AuditEntry> AppendAsync(Guid organisationId, Guid? incidentId, string actor, string action, object data, CancellationToken ct = default)
    {
        var pending = db.AuditEntries.Local
            .Where(e => e.OrganisationId == organisationId && db.Entry(e).State == EntityState.Added)
            .MaxBy(e => e.Sequence);
        var previous = pending ?? await db.AuditEntries
            .Where(e => e.OrganisationId == organisationId)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(ct);
        var entry = AuditEntry.Follow(previous, organisationId, incidentId, clock.GetCurrentInstant(), actor, action,
            JsonSerializer.Serialize(data, Json));
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task<AuditChain.Verdict> VerifyAsync(Guid organisationId, CancellationToken ct = default)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return AuditChain.Verify(entries);
    }
}
