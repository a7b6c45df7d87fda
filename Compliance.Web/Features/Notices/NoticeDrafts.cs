using Compliance.Domain.Incidents;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Notices;

/// <summary>The notice text of an incident as written, and the languages its readers need, for those who handle its people.</summary>
public sealed class NoticeDrafts(ComplianceDbContext db, IncidentAccess workspace, NoticeTemplates templates)
{
    /// <summary>The written parts in one language.</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, string>>> DraftAsync(Actor actor, Guid incidentId, string language, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, string>>(actor, incidentId, ct) is { } refusal) return refusal;
        var texts = await FrozenNotice.DraftAsync(db, incidentId, ct);
        return Outcome<IReadOnlyDictionary<string, string>>.Ok(texts?.GetValueOrDefault(language) ?? new Dictionary<string, string>());
    }

    /// <summary>Every language's written parts.</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, Dictionary<string, string>>>> TextsAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, Dictionary<string, string>>>(actor, incidentId, ct) is { } refusal) return refusal;
        return Outcome<IReadOnlyDictionary<string, Dictionary<string, string>>>.Ok(
            await FrozenNotice.DraftAsync(db, incidentId, ct) ?? new Dictionary<string, Dictionary<string, string>>());
    }

    /// <summary>
    /// The languages the notice must be written in for the incident's people (each person counts for the language of
    /// the template their notice uses), then any other language already written; with who falls back to another language.
    /// </summary>
    public async Task<Outcome<(IReadOnlyList<NoticeLanguageNeeds.Need> Needs, IReadOnlyList<NoticeLanguageNeeds.Fallback> Fallbacks)>> LanguagesAsync(
        Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<(IReadOnlyList<NoticeLanguageNeeds.Need>, IReadOnlyList<NoticeLanguageNeeds.Fallback>)>(actor, incidentId, ct) is { } refusal)
            return refusal;
        var texts = await FrozenNotice.DraftAsync(db, incidentId, ct) ?? [];
        var groups = (await db.AffectedPeople.Where(p => p.IncidentId == incidentId).GroupBy(p => new { p.Jurisdiction, p.Language })
                .Select(g => new { g.Key.Jurisdiction, g.Key.Language, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new NoticeLanguageNeeds.Group(g.Jurisdiction, g.Language, g.Count)).ToList();
        var needs = NoticeLanguageNeeds.Needs(groups, templates, l => NoticeTexts.HasText(texts, l)).ToList();
        needs.AddRange(texts.Keys.Where(l => needs.All(n => !string.Equals(n.Language, l, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal).Select(l => new NoticeLanguageNeeds.Need(l, 0, NoticeTexts.HasText(texts, l))));
        return Outcome<(IReadOnlyList<NoticeLanguageNeeds.Need>, IReadOnlyList<NoticeLanguageNeeds.Fallback>)>.Ok((needs, NoticeLanguageNeeds.Fallbacks(groups, templates)));
    }
}
