using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>Sends one person's notice to the person asking, marked as a test; the person themself gets nothing. The send is audited.</summary>
public sealed class SendTestNotice(ComplianceDbContext db, NoticePreview preview, IMailTransport mail, IClock clock)
{
    /// <summary>With a <paramref name="Language"/>, the person's notice must be the one written in it (else nothing is sent).</summary>
    public sealed record Request(Guid IncidentId, Guid PersonId, string? Language = null);

    public async Task<Outcome<MailResult>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var shown = await preview.GetAsync(actor, request.IncidentId, request.PersonId, ct);
        if (!shown.IsOk) return shown.Refusal<MailResult>();
        var n = shown.Value!.Notice;
        if (request.Language is { } language && !string.Equals(n.Language, language, StringComparison.OrdinalIgnoreCase))
            return Outcome<MailResult>.Invalid("personId", $"This person receives the notice in {NoticeLanguages.Name(n.Language)}, not {NoticeLanguages.Name(language)}: choose someone who reads it.");
        var result = await mail.SendAsync(new OutgoingMail(actor.Email, "[TEST] " + n.Subject, n.Text, n.Html,
            $"<notice-test.{Guid.NewGuid():N}@compliance.invalid>", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated", ["Content-Language"] = n.Language }), ct);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "notice.test-sent",
            new { person = request.PersonId, template = n.TemplateKey, language = n.Language, outcome = result.Outcome.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MailResult>.Ok(result);
    }
}
