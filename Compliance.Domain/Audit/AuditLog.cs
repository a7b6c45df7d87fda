using System.Text.Json;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Audit;

/// <summary>
/// Appends to an organisation's hash-chained log inside the caller's unit of work: the change and its audit
/// line are saved together or not at all. The line gets its number, link and key when it is saved
/// (<see cref="ComplianceDbContext.SaveChangesAsync(bool, CancellationToken)"/>), under its organisation's head lock.
/// </summary>
public sealed class AuditLog(ComplianceDbContext db, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<AuditEntry> AppendAsync(Guid organisationId, Guid? incidentId, string actor, string action, object data, CancellationToken ct = default)
    {
        var entry = AuditEntry.Draft(organisationId, incidentId, clock.GetCurrentInstant(), actor, action, JsonSerializer.Serialize(data, Json));
        db.AuditEntries.Add(entry);
        return Task.FromResult(entry);
    }

    /// <summary>The chain, its keys and the head's counter (checkpoints outside the database are <see cref="AuditVerification"/>'s).</summary>
    public Task<AuditChain.Verdict> VerifyAsync(Guid organisationId, CancellationToken ct = default) =>
        AuditVerification.VerifyAsync(db, organisationId, checkpoint: null, ct);
}
