using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// The notice text of an incident, and what each person would receive: their jurisdiction's template in their
/// language, their details, their redactions applied, and the checks that must pass before anything is sent.
/// A test send goes only to the person asking, marked as a test.
/// </summary>
public sealed class NoticePreviews(ComplianceDbContext db, PeopleRegister register, IncidentWorkspace workspace, NoticeTemplates templates,
    IMailTransport mail, IClock clock)
{
    public sealed record Preview(PeopleRegister.Person Person, NoticeTemplates.Rendered Notice, IReadOnlyList<string> Problems);

    /// <summary>The written parts in one language (the draft's first language, English, unless asked).</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, string>>> DraftAsync(Actor actor, Guid incidentId, CancellationToken ct = default) =>
        await DraftAsync(actor, incidentId, NoticeTexts.LegacyLanguage, ct);

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

    /// <summary>Saves the written parts of one language (English, as before languages, unless given).</summary>
    public Task<Outcome<IReadOnlyDictionary<string, string>>> SaveDraftAsync(Actor actor, Guid incidentId, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default) =>
        SaveDraftAsync(actor, incidentId, NoticeTexts.LegacyLanguage, fields, ct);

    public async Task<Outcome<IReadOnlyDictionary<string, string>>> SaveDraftAsync(Actor actor, Guid incidentId, string language, IReadOnlyDictionary<string, string> fields,
        CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, string>>(actor, incidentId, ct) is { } refusal) return refusal;
        language = (language ?? "").Trim();
        if (!IsLanguageTag(language)) return Outcome<IReadOnlyDictionary<string, string>>.Invalid("language", $"'{language}' is not a language tag such as 'en' or 'zh-Hant'.");
        var clean = NoticeDraft.FieldNames.ToDictionary(f => f, f => (fields.GetValueOrDefault(f) ?? "").Trim());
        var problems = clean.Select(f => (Field: f.Key, Problem: PlainText.Problem(f.Value, 10000, multiline: true)))
            .Where(f => f.Problem is not null)
            .ToDictionary(f => $"fields.{f.Field}", f => new[] { f.Problem! });
        if (problems.Count > 0) return Outcome<IReadOnlyDictionary<string, string>>.Invalid(problems);
        var draft = await db.NoticeDrafts.SingleOrDefaultAsync(d => d.IncidentId == incidentId, ct);
        if (draft is null) db.NoticeDrafts.Add(draft = new NoticeDraft(actor.OrganisationId, incidentId));
        var texts = NoticeTexts.Read(draft.Fields);
        // One spelling per language: "zh-hant" saves over "zh-Hant".
        var key = texts.Keys.FirstOrDefault(k => string.Equals(k, language, StringComparison.OrdinalIgnoreCase)) ?? language;
        texts[key] = clean;
        draft.Fields = NoticeTexts.Write(texts);
        draft.UpdatedBy = actor.Email;
        draft.UpdatedAt = clock.GetCurrentInstant();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "notice.draft-saved", new { language = key, fields = clean.Keys }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyDictionary<string, string>>.Ok(clean);
    }

    private static bool IsLanguageTag(string tag) =>
        tag.Length is > 0 and <= 16 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(tag[0]);

    public async Task<Outcome<Preview>> PreviewAsync(Actor actor, Guid incidentId, Guid personId, CancellationToken ct = default)
    {
        var found = await register.PersonAsync(actor, incidentId, personId, "notice preview", ct);
        if (!found.IsOk) return found.Refusal<Preview>();
        var person = found.Value!;
        var incident = (await workspace.GetAsync(actor, incidentId, ct)).Value!;
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var draft = await FrozenNotice.DraftAsync(db, incidentId, ct) ?? [];

        // The same fields a campaign freezes and fills in per person, so the preview is what the person would get.
        var frozen = FrozenNotice.Freeze(draft, incident, organisation);
        var noticeDate = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(organisation.TimeZone) ?? DateTimeZone.Utc).Date;
        var fields = NoticeFields.ForPerson(NoticeFields.Thaw(frozen), person.Details.Name, noticeDate);
        var full = templates.Render(person.Jurisdiction, person.Language, fields);
        var rendered = NoticeTemplates.Redact(full, person.Redactions);
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Recipient == Recipient.Individuals && o.Status != ObligationStatus.Superseded).ToListAsync(ct);
        var problems = templates.Check(person.Jurisdiction, person.Language, fields, full, NoticeRequirements.For(person.Jurisdiction, duties)).ToList();
        if (!NoticeTexts.HasText(draft, full.Language))
            problems.Insert(0, $"The notice has no text in {NoticeLanguages.Name(full.Language)} yet: write it in that language's part of the form.");
        if (person.NeedsManualContact) problems.Add("This person must not be emailed (a safety flag, a trusted contact or no address): reach them another way.");
        return Outcome<Preview>.Ok(new Preview(person, rendered, problems));
    }

    /// <summary>Sends one person's notice to the person asking, marked as a test; the person themself gets nothing.</summary>
    public async Task<Outcome<MailResult>> TestSendAsync(Actor actor, Guid incidentId, Guid personId, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(actor, incidentId, personId, ct);
        if (!preview.IsOk) return preview.Refusal<MailResult>();
        var n = preview.Value!.Notice;
        var result = await mail.SendAsync(new OutgoingMail(actor.Email, "[TEST] " + n.Subject, n.Text, n.Html,
            $"<notice-test.{Guid.NewGuid():N}@compliance.invalid>", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated", ["Content-Language"] = n.Language }), ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "notice.test-sent",
            new { person = personId, template = n.TemplateKey, language = n.Language, outcome = result.Outcome.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MailResult>.Ok(result);
    }

}
