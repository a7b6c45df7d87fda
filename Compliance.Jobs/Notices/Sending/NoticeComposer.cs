using System.Text.Json;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>One person's notice, ready to leave.</summary>
internal sealed record ComposedNotice(CampaignRecipient Row, OutgoingMail Mail, string Template);

/// <summary>A chunk rendered: the notices to send, and the people withheld (flagged, or their address removed, since the campaign was prepared).</summary>
internal sealed record ComposedChunk(List<ComposedNotice> Sending, List<CampaignRecipient> Withheld);

/// <summary>
/// Renders each person's notice of a chunk from the frozen fields: decrypts their details, renders the template of
/// their jurisdiction and language, applies their redactions.
/// </summary>
internal sealed class NoticeComposer(IPeopleDataProtector protector, NoticeTemplates templates, NoticeMessageIds messageIds)
{
    // Decrypting and rendering a thousand notices is CPU work: spread it over the cores.
    public async Task<ComposedChunk> ComposeAsync(ComplianceDbContext db, List<CampaignRecipient> chunk, FrozenNotice notice, LocalDate noticeDate,
        Guid campaignId)
    {
        var ids = chunk.ConvertAll(r => r.PersonId);
        var people = await db.AffectedPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var mails = new ComposedNotice?[chunk.Count];
        Parallel.For(0, chunk.Count, i =>
        {
            var r = chunk[i];
            if (!people.TryGetValue(r.PersonId, out var person) || person.NeedsManualContact) return;
            var details = JsonSerializer.Deserialize<PersonDetails>(protector.Unprotect(person.ProtectedDetails))!;
            var rendered = templates.Render(r.Jurisdiction, r.Language, NoticeFields.ForPerson(notice.Fields, details.Name, noticeDate));
            rendered = NoticeTemplates.Redact(rendered, person.ProtectedRedactions is { } redactions ? protector.Unprotect(redactions) : null);
            var mail = new OutgoingMail(details.Email!, rendered.Subject, rendered.Text, rendered.Html,
                r.MessageId ?? messageIds.For(campaignId, r.PersonId), Headers(rendered.Language));
            mails[i] = new ComposedNotice(r, mail, $"{rendered.TemplateKey}/{rendered.Language}");
        });
        var composed = new ComposedChunk([], []);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (mails[i] is { } m) composed.Sending.Add(m);
            else composed.Withheld.Add(chunk[i]);
        }
        return composed;
    }

    private static Dictionary<string, string> Headers(string language) => new()
    {
        ["Content-Language"] = language,
        ["Auto-Submitted"] = "auto-generated",
    };
}
