using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.People;

/// <summary>Every contact recorded for an incident, oldest first (notes decrypted; the read is audited, without the notes or names).</summary>
public sealed class RecordedContacts(ComplianceDbContext db, IPeopleDataProtector protector, ContactReadAccess access, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<ManualContact>>> ListAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        var allowed = await access.CheckAsync(actor, incidentId, ct);
        if (!allowed.IsOk) return allowed.Refusal<IReadOnlyList<ManualContact>>();
        var rows = await db.PersonContacts.AsNoTracking().Where(c => c.IncidentId == incidentId).OrderBy(c => c.ContactedAt).ThenBy(c => c.RecordedAt).ToListAsync(ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "people.viewed",
            new { purpose = "manual contacts", count = rows.Count }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<ManualContact>>.Ok(rows.Select(c => ManualContact.Open(c, protector)).ToList());
    }
}
