using Compliance.Domain.Webhooks;
using Compliance.Domain.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Features.Webhooks;

/// <summary>
/// An admin's webhook endpoints: add one (its secret shown once), choose its events, disable or enable it, rotate its
/// secret, remove it, and read an endpoint's recent deliveries with every attempt and answer, replaying one now.
/// The same handlers as the API; every change is audited.
/// </summary>
public sealed class WebhooksModel(WebhookReads reads, WebhookPageCommands commands, WorkspaceContext context) : WorkspacePage(context)
{
    public const int RecentDeliveries = 20;

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];
    public WebhookEndpoint? Shown { get; private set; }
    public IReadOnlyList<WebhookReads.DeliveryWithAttempts> Deliveries { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>A secret just created or rotated: on this answer only.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Endpoint { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public Guid Id { get; set; }
    [BindProperty] public Guid DeliveryId { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var added = await commands.Add.HandleAsync(Actor, new AddWebhookEndpoint.Request(Address, Description, Events), HttpContext.RequestAborted);
        if (added.IsOk)
        {
            NewSecret = added.Value!.Secret;
            Endpoint = added.Value.Endpoint.Id;
            Address = Description = null;
            Events = [];
        }
        return await ShowAsync(added.Status, added.Errors, "Endpoint added. Copy its signing secret now: it is not shown again.");
    }

    public async Task<IActionResult> OnPostEventsAsync() => await ChangeAsync(new ChangeWebhookEndpoint.Request(Id, null, null, Events, null, null), "Events saved.");

    public async Task<IActionResult> OnPostDisableAsync() => await ChangeAsync(new ChangeWebhookEndpoint.Request(Id, null, null, null, false, null), "Disabled: it is sent nothing until enabled again.");

    public async Task<IActionResult> OnPostEnableAsync() => await ChangeAsync(new ChangeWebhookEndpoint.Request(Id, null, null, null, true, null), "Enabled.");

    public async Task<IActionResult> OnPostRotateAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var rotated = await commands.Rotate.HandleAsync(Actor, Id, HttpContext.RequestAborted);
        if (rotated.IsOk)
        {
            NewSecret = rotated.Value!.Secret;
            Endpoint = Id;
        }
        return await ShowAsync(rotated.Status, rotated.Errors, "New signing secret: copy it now, it is not shown again. Deliveries from now on are signed with it.");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var removed = await commands.Remove.HandleAsync(Actor, Id, HttpContext.RequestAborted);
        if (removed.IsOk && Endpoint == Id) Endpoint = null;
        return await ShowAsync(removed.Status, removed.Errors, "Endpoint removed with its deliveries.");
    }

    public async Task<IActionResult> OnPostReplayAsync()
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var replayed = await commands.Replay.HandleAsync(Actor, DeliveryId, HttpContext.RequestAborted);
        return await ShowAsync(replayed.Status, replayed.Errors, "Sent again: the new attempt shows below once the receiver answers.");
    }

    private async Task<IActionResult> ChangeAsync(ChangeWebhookEndpoint.Request request, string done)
    {
        if (await LoadAsync() is { } refusal) return refusal;
        var changed = await commands.Change.HandleAsync(Actor, request, HttpContext.RequestAborted);
        Endpoint = request.Id;
        return await ShowAsync(changed.Status, changed.Errors, done);
    }

    /// <summary>The page again, with what happened: done, or the problem in plain words (field, message).</summary>
    private async Task<IActionResult> ShowAsync(OutcomeStatus status, IReadOnlyDictionary<string, string[]> errors, string done)
    {
        if (status == OutcomeStatus.Forbidden) return Forbid();
        if (status == OutcomeStatus.NotFound) return NotFound();
        Problem = status == OutcomeStatus.Ok ? null : string.Join(" ", errors.Select(e => $"{FieldName(e.Key)} {string.Join(" ", e.Value)}"));
        Message = Problem is null ? done : null;
        return await LoadAsync() ?? Page();
    }

    private static string FieldName(string field) => field switch { "url" => "Address:", "events" => "Events:", "description" => "Description:", _ => "" };

    private async Task<IActionResult?> LoadAsync()
    {
        await LoadActorAsync();
        if (!Allows(Operation.ManageOrganisation, null)) return Forbid();
        var endpoints = await reads.EndpointsAsync(Actor, HttpContext.RequestAborted);
        if (!endpoints.IsOk) return Refusal(endpoints.Status);
        Endpoints = endpoints.Value!;
        Shown = Endpoints.FirstOrDefault(e => e.Id == Endpoint);
        if (Shown is not null)
        {
            var deliveries = await reads.DeliveriesAsync(Actor, Shown.Id, RecentDeliveries, after: null, HttpContext.RequestAborted);
            Deliveries = deliveries.IsOk ? deliveries.Value!.Take(RecentDeliveries).ToList() : [];
        }
        return null;
    }
}

/// <summary>The commands of the webhooks page, one handler each (the API calls the same ones).</summary>
public sealed record WebhookPageCommands(AddWebhookEndpoint Add, ChangeWebhookEndpoint Change, RotateWebhookSecret Rotate,
    RemoveWebhookEndpoint Remove, ReplayAndSend Replay);
