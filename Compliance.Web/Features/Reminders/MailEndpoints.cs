using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Reminders;

/// <summary>
/// The Jobs page's mail activity for admins: mail that failed, is uncertain or waits for a retry, and mail sent (each
/// the latest hundred, as on the page), and asking for a failed or uncertain mail to be tried again.
/// </summary>
public static class MailEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mail = api.MapGroup("/mail").WithTags("Mail");

        mail.MapGet("/", ListAsync)
            .WithName("ListMail")
            .WithSummary("Mail that failed, is uncertain or waits for a retry, then mail sent, newest first (admins only; the latest hundred of each, as on the Jobs page), " +
                         "with the server's reply and the duty a reminder was about.")
            .WithPaging()
            .Produces<PageResource<MailResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        mail.MapPost("/{id:guid}/retry", RetryAsync)
            .WithName("RetryMail")
            .WithSummary("Try a failed or uncertain mail again on the next sweep (admins only); a failed reminder behind it is pending again. " +
                         "Mail that went out or already waits is left as it is (retried: false).")
            .Produces<MailRetryResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();
    }

    private static async Task<IResult> ListAsync(HttpContext http, MailActivity activity, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (page, problem) = PageRequest.From(http.Request, 3);
        if (problem is not null) return problem;
        var view = await activity.ReadAsync(actor.OrganisationId, ct);
        var rows = view.Problems.Select(r => (Sent: false, Row: r)).Concat(view.Sent.Select(r => (Sent: true, Row: r)));
        var paged = page.Slice(rows, KeyOf).Select(r => MailResource.From(r.Row.Mail, r.Row.Duty, view.Zone.Id));
        return Results.Ok(PageResource<MailResource>.From(paged, http.Request));
    }

    // Problems first, newest first within each group, as on the page; the id makes the order total.
    private static string[] KeyOf((bool Sent, MailActivity.MailRow Row) r) =>
        [r.Sent ? "1" : "0", CursorKey.Descending(r.Sent ? r.Row.Mail.SentAt ?? r.Row.Mail.CreatedAt : r.Row.Mail.CreatedAt), CursorKey.Of(r.Row.Mail.Id)];

    private static async Task<IResult> RetryAsync(Guid id, HttpContext http, RetryMail retry, MailActivity activity, CancellationToken ct)
    {
        var actor = http.Actor();
        var retried = await retry.HandleAsync(actor, new RetryMail.Request(id), ct);
        if (!retried.IsOk) return ApiResults.From(retried, _ => Results.Empty);
        var (mail, again) = retried.Value;
        var view = await activity.ReadAsync(actor.OrganisationId, ct);
        var duty = view.Problems.Concat(view.Sent).FirstOrDefault(r => r.Mail.Id == mail.Id)?.Duty;
        return Results.Ok(new MailRetryResource(MailResource.From(mail, duty, view.Zone.Id), again));
    }
}

/// <summary>One mail: to whom, about what, its state (sending, sent, retry-later, failed, uncertain), the server's reply, and the duty a reminder was about.</summary>
public sealed record MailResource(Guid Id, string Recipient, string Subject, string State, int Attempts, string? ServerReply, string CreatedAt,
    string? SentAt, string? NextAttemptAt, MailDutyResource? Duty)
{
    public static MailResource From(MailLogEntry m, MailActivity.DutyLink? duty, string zone) =>
        new(m.Id, m.Recipient, m.Subject, KebabCase<MailState>.ToId(m.State), m.Attempts, m.ServerReply, ApiTime.Format(m.CreatedAt, zone),
            ApiTime.Format(m.SentAt, zone), ApiTime.Format(m.NextAttemptAt, zone),
            duty is null ? null : new MailDutyResource(duty.IncidentId, duty.ObligationId, KebabCase<Recipient>.ToId(duty.Recipient), duty.Jurisdiction, duty.Authority));
}

/// <summary>The duty a reminder mail was about.</summary>
public sealed record MailDutyResource(Guid IncidentId, Guid ObligationId, string Recipient, string Jurisdiction, string Authority);

/// <summary>The mail after the request, and whether it will be tried again on the next sweep.</summary>
public sealed record MailRetryResource(MailResource Mail, bool Retried);
