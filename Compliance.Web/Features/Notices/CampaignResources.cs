using Compliance.Domain.Notices;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Notices;

namespace Compliance.Web.Features.Notices;

/// <summary>Recipients per state (queued, sending, sent, retry-later, failed, withheld), every state present.</summary>
public sealed record JurisdictionProgressResource(string Jurisdiction, int Total, IReadOnlyDictionary<string, int> ByState);

/// <summary>
/// Where a campaign's messages stand, as its page shows: done (sent, failed or withheld) of total, per state and per
/// jurisdiction; unconfirmed are messages released to the mail server whose reply was not recorded.
/// </summary>
public sealed record CampaignProgressResource(int Total, int Done, int Sent, int Failed, int Withheld, int Unconfirmed,
    IReadOnlyDictionary<string, int> ByState, IReadOnlyList<JurisdictionProgressResource> ByJurisdiction, string? FirstSentAt, string? LastSentAt)
{
    private static readonly RecipientState[] States = Enum.GetValues<RecipientState>();

    public static CampaignProgressResource From(CampaignSummary s, string zone) => new(s.Total, s.Done, s.Count(RecipientState.Sent),
        s.Count(RecipientState.Failed), s.Count(RecipientState.Withheld), s.Unconfirmed, ByStateOf(s.ByState),
        s.ByJurisdiction.Select(j => new JurisdictionProgressResource(j.Jurisdiction, j.ByState.Values.Sum(), ByStateOf(j.ByState))).ToList(),
        ApiTime.Format(s.FirstSent, zone), ApiTime.Format(s.LastSent, zone));

    private static Dictionary<string, int> ByStateOf(IReadOnlyDictionary<RecipientState, int> counts) =>
        States.ToDictionary(KebabCase<RecipientState>.ToId, s => counts.GetValueOrDefault(s));
}

/// <summary>What the caller may do to the campaign now (the page's buttons): approve (not its preparer), cancel, resend unconfirmed.</summary>
public sealed record CampaignActionsResource(bool Approve, bool Cancel, bool ResendUnconfirmed);

public sealed record CampaignLinksResource(string Self, string ProofCsv, string ProofPdf);

/// <summary>
/// A notice campaign: its state (awaiting-approval, sending, completed, cancelled), who prepared and approved it, the
/// hash of the frozen notice that was approved, its progress; on one campaign also who falls back to another language
/// and the Message-IDs of unconfirmed messages (the first 500), else null.
/// </summary>
public sealed record CampaignResource(Guid Id, Guid IncidentId, string Name, string State, string? StatusNote, string? ResumeAt,
    IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Languages, string PreparedAt, string PreparedBy, string? ApprovedAt, string? ApprovedBy,
    string? CancelledBy, string? FinishedAt, string TemplateHash, CampaignProgressResource Progress, CampaignActionsResource Actions,
    IReadOnlyList<NoticeFallbackResource>? Fallbacks, IReadOnlyList<string>? UnconfirmedMessageIds, CampaignLinksResource Links)
{
    public const int UnconfirmedShown = 500;

    public static string UrlOf(Guid incidentId, Guid campaignId) => $"/api/v1/incidents/{incidentId}/campaigns/{campaignId}";

    public static CampaignResource From(CampaignSummary s, string callerEmail, string zone,
        IReadOnlyList<NoticeLanguageNeeds.Fallback>? fallbacks = null, IReadOnlyList<string>? unconfirmed = null)
    {
        var c = s.Campaign;
        var url = UrlOf(c.IncidentId, c.Id);
        var preparedByCaller = string.Equals(c.CreatedBy, callerEmail, StringComparison.OrdinalIgnoreCase);
        var actions = new CampaignActionsResource(c.State == CampaignState.AwaitingApproval && !preparedByCaller,
            c.State is CampaignState.AwaitingApproval or CampaignState.Sending,
            s.Unconfirmed > 0 && c.State is CampaignState.Sending or CampaignState.Completed);
        return new(c.Id, c.IncidentId, c.Name, KebabCase<CampaignState>.ToId(c.State), c.StatusNote, ApiTime.Format(c.ResumeAt, zone),
            c.JurisdictionList, c.LanguageList, ApiTime.Format(c.CreatedAt, zone), c.CreatedBy, ApiTime.Format(c.ApprovedAt, zone), c.ApprovedBy,
            c.CancelledBy, ApiTime.Format(c.FinishedAt, zone), c.TemplateHash, CampaignProgressResource.From(s, zone), actions,
            fallbacks?.Select(NoticeFallbackResource.From).ToList(), unconfirmed?.Take(UnconfirmedShown).ToList(),
            new CampaignLinksResource(url, url + "/proof.csv", url + "/proof.pdf"));
    }
}

/// <summary>POST body preparing a campaign: an optional name, and the jurisdictions and languages chosen (none: all).</summary>
public sealed record CampaignBody(string? Name, IReadOnlyList<string>? Jurisdictions, IReadOnlyList<string>? Languages);

/// <summary>POST body approving: fallbacksSeen must be true when people receive the notice in another language than their own.</summary>
public sealed record ApprovalBody(bool? FallbacksSeen);

/// <summary>POST body resending: the Message-IDs of unconfirmed messages the mail server's log does not have.</summary>
public sealed record ResendBody(IReadOnlyList<string> MessageIds);

/// <summary>How many messages a resend put back in the queue, and the campaign after it.</summary>
public sealed record ResendResource(int Resent, CampaignResource Campaign);
