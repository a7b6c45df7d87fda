using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Tasks;

public sealed record TaskOwner(Guid UserId, string Email, string Name, Role Role)
{
    public string Shown => Name.Length > 0 ? Name : Email;
}

/// <summary>The members who may own a task: the organisation's active members (not guests limited to one incident).</summary>
public sealed class TaskOwners(ComplianceDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<TaskOwner>> ListAsync(Guid organisationId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var rows = await (from m in db.Members
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganisationId == organisationId && m.IncidentId == null
                          select new { m, u.Email, u.DisplayName }).ToListAsync(ct);
        return rows.Where(r => r.m.IsActiveAt(now)).OrderBy(r => r.m.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .DistinctBy(r => r.m.UserId).Select(r => new TaskOwner(r.m.UserId, r.Email, r.DisplayName, r.m.Role)).ToList();
    }

    public async Task<IReadOnlyCollection<Guid>> IdsAsync(Guid organisationId, CancellationToken ct = default) =>
        (await ListAsync(organisationId, ct)).Select(o => o.UserId).ToHashSet();
}
