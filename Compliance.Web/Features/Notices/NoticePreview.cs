using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// What one person would receive: their jurisdiction's template in their language, their details, their redactions
/// applied, and the checks that must pass before anything is sent. The look at the person is audited.
/// </summary>
public sealed class NoticePreview(ComplianceDbContext db, PeopleRegister register, IncidentAccess workspace, NoticeTemplates templates, IClock clock)
{
    public sealed record Preview(PeopleRegister.Person Person, NoticeTemplates.Rendered Notice, IReadOnlyList<string> Problems);

    public async Task<Outcome<Preview>> GetAsync(Actor actor, Guid incidentId, Guid personId, CancellationToken ct = default)
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
}
