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

    public Task<AuditEntry> AppendAsync(Guid organisationId, Guid? incidentId, string actor, string action, object data, CancellationToken ct = default) =>
        Task.FromResult(Append(organisationId, incidentId, actor, action, data));

    /// <summary>The line, added to the unit of work: it is written, numbered and linked at the caller's next save.</summary>
    public AuditEntry Append(Guid organisationId, Guid? incidentId, string actor, string action, object data)
    {
        var entry = AuditEntry.Draft(organisationId, incidentId, clock.GetCurrentInstant(), actor, action, JsonSerializer.Serialize(data, Json));
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>The chain, its keys and the head's counter (checkpoints outside the database are <see cref="AuditVerification"/>'s).</summary>
    public Task<AuditChain.Verdict> VerifyAsync(Guid organisationId, CancellationToken ct = default) =>
        AuditVerification.VerifyAsync(db, organisationId, checkpoint: null, ct);
}
