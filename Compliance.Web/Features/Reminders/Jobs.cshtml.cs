using Compliance.Domain.Reminders;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Compliance.Web.Features.Reminders;

/// <summary>For admins: what is about to be sent, what was sent, what failed (with the server's words), and a retry.</summary>
public sealed class JobsModel(CurrentActor current, MailActivity activity, RetryMail retry) : PageModel
{
    public IReadOnlyList<MailActivity.MailRow> Problems { get; private set; } = [];
    public IReadOnlyList<MailActivity.MailRow> Sent { get; private set; } = [];
    public IReadOnlyList<MailActivity.UpcomingReminder> Upcoming { get; private set; } = [];
    public string? Message { get; private set; }
    private DateTimeZone zone = DateTimeZone.Utc;

    public string Local(Instant? at) => at is { } i ? TimeText.Format(i, zone) : "";

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        await LoadAsync(actor.OrganisationId);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var actor = await current.GetAsync(User);
        if (actor is null || actor.Role != Role.Admin) return Forbid();
        var retried = await retry.HandleAsync(actor, new RetryMail.Request(id), HttpContext.RequestAborted);
        if (retried.Status == OutcomeStatus.NotFound) return NotFound();
        if (!retried.IsOk) return Forbid();
        if (retried.Value.Retried) Message = $"The mail to {retried.Value.Mail.Recipient} will be tried again on the next sweep.";
        await LoadAsync(actor.OrganisationId);
        return Page();
    }

    private async Task LoadAsync(Guid orgId)
    {
        var view = await activity.ReadAsync(orgId, HttpContext.RequestAborted);
        (zone, Problems, Sent, Upcoming) = (view.Zone, view.Problems, view.Sent, view.Upcoming);
    }
}
