using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>Saves the written parts of an incident's notice in one language (one spelling per language: "zh-hant" saves over "zh-Hant"), audited.</summary>
public sealed class SaveNoticeDraft(ComplianceDbContext db, IncidentAccess workspace, IClock clock)
{
    public const int FieldLength = 10000;

    /// <summary>
    /// Field errors are named language and fields.{part}. With <paramref name="ExpectedVersion"/> (the language's
    /// <see cref="NoticeDraftVersion"/> when the caller read it), a text someone else saved since is a conflict, not overwritten.
    /// </summary>
    public sealed record Request(Guid IncidentId, string Language, IReadOnlyDictionary<string, string> Fields, string? ExpectedVersion = null)
    {
        /// <summary>The parts in English, the language of notices before there were languages.</summary>
        public Request(Guid incidentId, IReadOnlyDictionary<string, string> fields) : this(incidentId, NoticeTexts.LegacyLanguage, fields) { }
    }

    public async Task<Outcome<IReadOnlyDictionary<string, string>>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var incidentId = request.IncidentId;
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, string>>(actor, incidentId, ct) is { } refusal) return refusal;
        var language = (request.Language ?? "").Trim();
        if (!IsLanguageTag(language)) return Outcome<IReadOnlyDictionary<string, string>>.Invalid("language", $"'{language}' is not a language tag such as 'en' or 'zh-Hant'.");
        var clean = NoticeDraft.FieldNames.ToDictionary(f => f, f => (request.Fields.GetValueOrDefault(f) ?? "").Trim());
        var problems = clean.Select(f => (Field: f.Key, Problem: PlainText.Problem(f.Value, FieldLength, multiline: true)))
            .Where(f => f.Problem is not null)
            .ToDictionary(f => $"fields.{f.Field}", f => new[] { f.Problem! });
        if (problems.Count > 0) return Outcome<IReadOnlyDictionary<string, string>>.Invalid(problems);
        var draft = await db.NoticeDrafts.SingleOrDefaultAsync(d => d.IncidentId == incidentId, ct);
        if (draft is null) db.NoticeDrafts.Add(draft = new NoticeDraft(actor.OrganisationId, incidentId));
        var texts = NoticeTexts.Read(draft.Fields);
        var key = texts.Keys.FirstOrDefault(k => string.Equals(k, language, StringComparison.OrdinalIgnoreCase)) ?? language;
        if (request.ExpectedVersion is { } expected && expected != NoticeDraftVersion.Of(texts.GetValueOrDefault(key)))
            return Outcome<IReadOnlyDictionary<string, string>>.Conflict($"The notice in {key} was saved by someone else since you read it: read it again, then save your changes.");
        texts[key] = clean;
        draft.Fields = NoticeTexts.Write(texts);
        draft.UpdatedBy = actor.Email;
        draft.UpdatedAt = clock.GetCurrentInstant();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "notice.draft-saved", new { language = key, fields = clean.Keys }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyDictionary<string, string>>.Ok(clean);
    }

    public static bool IsLanguageTag(string tag) =>
        tag.Length is > 0 and <= 16 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(tag[0]);
}
