using Compliance.Jobs.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using Compliance.Web.Accounts;
using Compliance.Web.People;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Compliance.Web.Pages.Incidents;

/// <summary>Write the notice, preview what any person would receive (with the law's checks), and send yourself a test.</summary>
public sealed class NoticesModel(NoticePreviews notices, PeopleRegister register, IncidentWorkspace workspace, CurrentActor current, ComplianceDbContext db, IClock clock)
    : WorkspacePage(current, db, clock)
{
    public static IReadOnlyList<(string Field, string Label)> Parts => NoticeFieldLabels.Written;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Person { get; set; }
    [BindProperty] public Dictionary<string, string> Draft { get; set; } = [];

    public string IncidentTitle { get; private set; } = "";
    public IReadOnlyList<PeopleRegister.Person> People { get; private set; } = [];
    public NoticePreviews.Preview? Preview { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        Draft = (await notices.DraftAsync(Actor, Id, HttpContext.RequestAborted)).Value!.ToDictionary();
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var saved = await notices.SaveDraftAsync(Actor, Id, Draft, HttpContext.RequestAborted);
        Message = saved.IsOk ? "Saved." : string.Join(" ", saved.Errors.SelectMany(e => e.Value));
        return await PreviewAsync();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        Draft = (await notices.DraftAsync(Actor, Id, HttpContext.RequestAborted)).Value!.ToDictionary();
        if (Person is { } person)
        {
            var sent = await notices.TestSendAsync(Actor, Id, person, HttpContext.RequestAborted);
            Message = sent.Value?.Outcome == MailOutcome.Sent ? $"A test copy went to {Actor.Email}." : $"The test was not sent: {sent.Value?.Reply ?? sent.Status.ToString()}";
        }
        return await PreviewAsync();
    }

    private async Task<IActionResult> PreviewAsync()
    {
        Person ??= People.FirstOrDefault()?.Id;
        if (Person is { } person && (await notices.PreviewAsync(Actor, Id, person, HttpContext.RequestAborted)) is { IsOk: true } preview) Preview = preview.Value;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await workspace.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!incident.IsOk) return Refusal(incident.Status);
        if (!Allows(Operation.AccessPeople, Id)) return Forbid();
        IncidentTitle = $"{incident.Value!.Reference} {incident.Value.Title}";
        People = (await register.ListAsync(actor, Id, "notice page", 200, HttpContext.RequestAborted)).Value!;
        return null;
    }
}
