using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using Compliance.Web.Pages.Incidents;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.People;

/// <summary>
/// The notice text of an incident, and what each person would receive: their jurisdiction's template in their
/// language, their details, their redactions applied, and the checks that must pass before anything is sent.
/// A test send goes only to the person asking, marked as a test.
/// </summary>
public sealed class NoticePreviews(ComplianceDbContext db, PeopleRegister register, IncidentWorkspace workspace, NoticeTemplates templates,
    IMailTransport mail, IClock clock)
{
    public sealed record Preview(PeopleRegister.Person Person, NoticeTemplates.Rendered Notice, IReadOnlyList<string> Problems);

    public async Task<Outcome<IReadOnlyDictionary<string, string>>> DraftAsync(Actor actor, Guid incidentId, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, string>>(actor, incidentId, ct) is { } refusal) return refusal;
        return Outcome<IReadOnlyDictionary<string, string>>.Ok(await FrozenNotice.DraftAsync(db, incidentId, ct) ?? new Dictionary<string, string>());
    }

    public async Task<Outcome<IReadOnlyDictionary<string, string>>> SaveDraftAsync(Actor actor, Guid incidentId, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        if (await workspace.DenyPeopleAccessAsync<IReadOnlyDictionary<string, string>>(actor, incidentId, ct) is { } refusal) return refusal;
        var clean = NoticeDraft.FieldNames.ToDictionary(f => f, f => (fields.GetValueOrDefault(f) ?? "").Trim());
        var problems = clean.Select(f => (Field: f.Key, Problem: PlainText.Problem(f.Value, 10000, multiline: true)))
            .Where(f => f.Problem is not null)
            .ToDictionary(f => $"fields.{f.Field}", f => new[] { f.Problem! });
        if (problems.Count > 0) return Outcome<IReadOnlyDictionary<string, string>>.Invalid(problems);
        var draft = await db.NoticeDrafts.SingleOrDefaultAsync(d => d.IncidentId == incidentId, ct);
        if (draft is null) db.NoticeDrafts.Add(draft = new NoticeDraft(actor.OrganisationId, incidentId));
        draft.Fields = JsonSerializer.Serialize(clean);
        draft.UpdatedBy = actor.Email;
        draft.UpdatedAt = clock.GetCurrentInstant();
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "notice.draft-saved", new { fields = clean.Keys }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyDictionary<string, string>>.Ok(clean);
    }

    public async Task<Outcome<Preview>> PreviewAsync(Actor actor, Guid incidentId, Guid personId, CancellationToken ct = default)
    {
        var found = await register.PersonAsync(actor, incidentId, personId, "notice preview", ct);
        if (!found.IsOk) return found.Refusal<Preview>();
        var person = found.Value!;
        var incident = (await workspace.GetAsync(actor, incidentId, ct)).Value!;
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var draft = await FrozenNotice.DraftAsync(db, incidentId, ct) ?? new Dictionary<string, string>();

        // The same fields a campaign freezes and fills in per person, so the preview is what the person would get.
        var frozen = FrozenNotice.Freeze(draft, incident, organisation);
        var noticeDate = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(organisation.TimeZone) ?? DateTimeZone.Utc).Date;
        var fields = NoticeFields.ForPerson(NoticeFields.Thaw(frozen), person.Details.Name, noticeDate);
        var full = templates.Render(person.Jurisdiction, person.Language, fields);
        var rendered = NoticeTemplates.Redact(full, person.Redactions);
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Recipient == Recipient.Individuals && o.Status != ObligationStatus.Superseded).ToListAsync(ct);
        var problems = templates.Check(person.Jurisdiction, person.Language, fields, full, NoticeRequirements.For(person.Jurisdiction, duties)).ToList();
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
            $"<notice-test.{Guid.NewGuid():N}@compliance.invalid>", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" }), ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, incidentId, actor.Email, "notice.test-sent",
            new { person = personId, template = n.TemplateKey, language = n.Language, outcome = result.Outcome.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MailResult>.Ok(result);
    }

}
