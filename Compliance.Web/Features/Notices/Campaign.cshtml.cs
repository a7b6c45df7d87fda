using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// One notice campaign: where it stands (per state and jurisdiction, refreshed while it sends), the two-person
/// approval, cancelling, resending what the mail server may not have received, and the proof as CSV and PDF.
/// </summary>
public sealed class CampaignModel(CampaignProgress progress, CampaignFallbacks fallbacks, UnconfirmedMessages unconfirmed, ApproveCampaign approve,
    CancelCampaign cancel, ResendUnconfirmed resend, CampaignProofCsv proofCsv, CampaignProofPdf proofPdf, IncidentAccess workspace, WorkspaceContext context)
    : WorkspacePage(context)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid CampaignId { get; set; }

    /// <summary>How many messages the last resend put back in the queue (after its redirect).</summary>
    [BindProperty(SupportsGet = true)] public int? Resent { get; set; }

    /// <summary>The unconfirmed messages the operator found missing from the mail server's log.</summary>
    [BindProperty] public List<string> MessageIds { get; set; } = [];

    /// <summary>Message-IDs of unconfirmed messages, to look up in the server's log (the first 500).</summary>
    public IReadOnlyList<string> UnconfirmedIds { get; private set; } = [];

    /// <summary>Ticked by the approver: they saw who receives the notice in another language than their own.</summary>
    [BindProperty] public bool FallbacksSeen { get; set; }

    /// <summary>People who fall back to a template in another language, shown before approval.</summary>
    public IReadOnlyList<NoticeLanguageNeeds.Fallback> Fallbacks { get; private set; } = [];

    public CampaignSummary Summary { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Campaign Campaign => Summary.Campaign;
    public bool PreparedByReader => string.Equals(Campaign.CreatedBy, Actor.Email, StringComparison.OrdinalIgnoreCase);
    public bool CanApprove => Campaign.State == CampaignState.AwaitingApproval;
    public bool CanCancel => Campaign.State is CampaignState.AwaitingApproval or CampaignState.Sending;
    public bool CanResend => Summary.Unconfirmed > 0 && Campaign.State is CampaignState.Sending or CampaignState.Completed;
    private CampaignRef Ref => new(Id, CampaignId);
    public string PagePath => $"/Incidents/{Id}/Campaigns/{CampaignId}";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostApproveAsync()
    {
        var approved = await approve.HandleAsync(await LoadActorAsync(), new ApproveCampaign.Request(Id, CampaignId, FallbacksSeen), HttpContext.RequestAborted);
        return await AfterAsync(approved.Status, approved.Errors, PagePath);
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var cancelled = await cancel.HandleAsync(await LoadActorAsync(), Ref, HttpContext.RequestAborted);
        return await AfterAsync(cancelled.Status, cancelled.Errors, PagePath);
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (MessageIds.Count == 0)
        {
            if (await LoadAsync() is { } refusal) return refusal;
            Errors = ["Tick the messages that the mail server's log does not have: only those are sent again."];
            return Page();
        }
        var resent = await resend.HandleAsync(await LoadActorAsync(), new ResendUnconfirmed.Request(Id, CampaignId, MessageIds), HttpContext.RequestAborted);
        return await AfterAsync(resent.Status, resent.Errors, $"{PagePath}?resent={resent.Value}");
    }

    /// <summary>The proof CSV, streamed to the browser as the service writes it, a page of recipients at a time.</summary>
    public async Task<IActionResult> OnGetProofCsvAsync()
    {
        await LoadActorAsync();
        var found = await progress.GetAsync(Actor, Ref, HttpContext.RequestAborted);
        if (!found.IsOk) return Refusal(found.Status);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = ProofFileName("csv") }.ToString();
        await proofCsv.WriteAsync(Actor, found.Value!, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetProofPdfAsync()
    {
        await LoadActorAsync();
        var pdf = await proofPdf.HandleAsync(Actor, Ref, HttpContext.RequestAborted);
        return pdf.IsOk ? File(pdf.Value!, "application/pdf", ProofFileName("pdf")) : Refusal(pdf.Status);
    }

    /// <summary>
    /// After a command (which checked access itself): a refusal gets the usual answer, success goes back to the page,
    /// anything else is shown on it, the page loaded only then.
    /// </summary>
    private async Task<IActionResult> AfterAsync(OutcomeStatus status, IReadOnlyDictionary<string, string[]> errors, string next)
    {
        if (status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return Refusal(status);
        if (status == OutcomeStatus.Ok) return Redirect(next);
        Errors = errors.SelectMany(e => e.Value).ToList();
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await LoadActorAsync();
        var incident = await LoadIncidentAsync(workspace, Id);
        if (!incident.IsOk) return Refusal(incident.Status);
        var summary = await progress.GetAsync(actor, Ref, HttpContext.RequestAborted);
        if (!summary.IsOk) return Refusal(summary.Status);
        Summary = summary.Value!;
        Fallbacks = (await fallbacks.GetAsync(actor, Ref, HttpContext.RequestAborted)).Value ?? [];
        if (Summary.Unconfirmed > 0)
            UnconfirmedIds = (await unconfirmed.GetAsync(actor, Ref, HttpContext.RequestAborted)).Value!.Take(500).ToList();
        return null;
    }

    private string ProofFileName(string extension) => $"campaign-proof-{CampaignId:N}.{extension}";
}
