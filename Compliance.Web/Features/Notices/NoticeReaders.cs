using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// Someone of an incident whose notice is the one written in a language (the language of the template they get), to
/// test that text with: found from the people's jurisdictions and languages, without decrypting anyone.
/// </summary>
public sealed class NoticeReaders(ComplianceDbContext db, IncidentAccess workspace, NoticeTemplates templates)
{
    public async Task<Outcome<Guid>> FirstAsync(Actor actor, Guid incidentId, string language, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<Guid>(actor, incidentId, ct) is { } refusal) return refusal;
        var groups = await db.AffectedPeople.Where(p => p.IncidentId == incidentId).Select(p => new { p.Jurisdiction, p.Language }).Distinct().ToListAsync(ct);
        foreach (var g in groups.OrderBy(g => g.Jurisdiction, StringComparer.Ordinal).ThenBy(g => g.Language, StringComparer.Ordinal))
        {
            if (!string.Equals(templates.Resolve(g.Jurisdiction, g.Language).Language, language, StringComparison.OrdinalIgnoreCase)) continue;
            return Outcome<Guid>.Ok(await db.AffectedPeople.Where(p => p.IncidentId == incidentId && p.Jurisdiction == g.Jurisdiction && p.Language == g.Language)
                .OrderBy(p => p.Line).Select(p => p.Id).FirstAsync(ct));
        }
        return Outcome<Guid>.Invalid("personId", $"No one of this incident receives the notice in {NoticeLanguages.Name(language)}: name the person to test with.");
    }
}
