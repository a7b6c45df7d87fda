using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>People a new campaign of an incident could email, by jurisdiction and language.</summary>
public sealed class CampaignAudienceGroups(ComplianceDbContext db, IncidentAccess workspace)
{
    public sealed record Group(string Jurisdiction, string Language, int People);

    public async Task<Outcome<IReadOnlyList<Group>>> GetAsync(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        await workspace.DenyPeopleAccessAsync<IReadOnlyList<Group>>(actor, incidentId, ct) ?? Outcome<IReadOnlyList<Group>>.Ok(await OfAsync(db, incidentId, ct));

    /// <summary>The groups, without asking who reads them (the caller has).</summary>
    internal static async Task<IReadOnlyList<Group>> OfAsync(ComplianceDbContext db, Guid incidentId, CancellationToken ct)
    {
        var groups = await CampaignAudience.Eligible(db, incidentId).GroupBy(p => new { p.Jurisdiction, p.Language })
            .Select(g => new { g.Key.Jurisdiction, g.Key.Language, Count = g.Count() }).ToListAsync(ct);
        return groups.OrderBy(g => g.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Language, StringComparer.Ordinal)
            .Select(g => new Group(g.Jurisdiction, g.Language, g.Count)).ToList();
    }
}
