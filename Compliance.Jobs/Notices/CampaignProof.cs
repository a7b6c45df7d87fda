using System.Globalization;
using Compliance.Domain.Notices;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Jobs.Notices;

public sealed record JurisdictionCounts(string Jurisdiction, IReadOnlyDictionary<RecipientState, int> ByState);

/// <summary>Where a campaign stands: its recipients per state and per jurisdiction, and when its first and last messages went.</summary>
public sealed record CampaignSummary(Campaign Campaign, int Total, IReadOnlyDictionary<RecipientState, int> ByState, int Unconfirmed,
    IReadOnlyList<JurisdictionCounts> ByJurisdiction, Instant? FirstSent, Instant? LastSent)
{
    public int Count(RecipientState state) => ByState.GetValueOrDefault(state);

    /// <summary>Recipients with a final state (sent, failed, withheld).</summary>
    public int Done => Count(RecipientState.Sent) + Count(RecipientState.Failed) + Count(RecipientState.Withheld);
}

/// <summary>
/// The proof-of-notification summary as a PDF, drawn by the filings renderer: who prepared and approved the campaign,
/// the hash of what was approved, the counts per state and per jurisdiction, and the first and last send.
/// Personal data stays out of it (that is the CSV's job), so it can be attached to a filing.
/// </summary>
public static class CampaignProof
{
    private static readonly RecipientState[] States = Enum.GetValues<RecipientState>();
    private static readonly ZonedDateTimePattern WhenPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss x", null);

    public static FilingDocument Document(CampaignSummary summary, string incidentReference, string incidentTitle, string organisation,
        Instant at, DateTimeZone zone)
    {
        var c = summary.Campaign;
        string When(Instant? i) => i is { } x ? WhenPattern.Format(x.InZone(zone)) : "—";
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var blocks = new List<FilingBlock>
        {
            new HeadingBlock("Campaign"),
            new FieldBlock("Incident", $"{incidentReference}: {incidentTitle}", false, false),
            new FieldBlock("Campaign", c.Name, false, false),
            new FieldBlock("People chosen", $"{(c.JurisdictionList.Count == 0 ? "every jurisdiction" : string.Join(", ", c.JurisdictionList))}; {(c.LanguageList.Count == 0 ? "every language" : string.Join(", ", c.LanguageList))}", false, false),
            new FieldBlock("Prepared", $"{When(c.CreatedAt)} by {c.CreatedBy}", false, false),
            new FieldBlock("Approved", c.ApprovedBy is null ? "not approved" : $"{When(c.ApprovedAt)} by {c.ApprovedBy}", false, false),
            new FieldBlock("State", KebabCase<CampaignState>.ToId(c.State) + (c.CancelledBy is null ? "" : $" (cancelled by {c.CancelledBy} at {When(c.FinishedAt)})"), false, false),
            new FieldBlock("Notice SHA-256", c.TemplateHash, false, true),
            new HeadingBlock("Messages"),
            new FieldBlock("Recipients", N(summary.Total), false, false),
        };
        blocks.AddRange(States.Select(s => new FieldBlock(Label(s), N(summary.Count(s)), false, false)));
        blocks.Add(new FieldBlock("of which unconfirmed", N(summary.Unconfirmed), false, false));
        blocks.Add(new FieldBlock("First message sent", When(summary.FirstSent), false, false));
        blocks.Add(new FieldBlock("Last message sent", When(summary.LastSent), false, false));
        blocks.Add(new HeadingBlock("By jurisdiction"));
        foreach (var j in summary.ByJurisdiction)
            blocks.Add(new FieldBlock(j.Jurisdiction, string.Join(" · ", States.Where(s => j.ByState.GetValueOrDefault(s) > 0)
                .Select(s => $"{Label(s).ToLowerInvariant()} {N(j.ByState[s])}")), false, false));
        if (summary.Unconfirmed > 0)
            blocks.Add(new NoteBlock("Unconfirmed: the message was released to the mail server in full but the server's reply was not recorded (the sender stopped). Each has its Message-ID in the CSV to look up in the server's log.", Warning: true));
        if (summary.Count(RecipientState.Withheld) > 0)
            blocks.Add(new NoteBlock("Withheld: a safety flag or trusted contact was set after the campaign was prepared; these people are on the manual-contact worklist.", Warning: false));
        blocks.Add(new NoteBlock("People with a safety flag, a trusted contact or no email address were never part of this campaign: they are on the incident's manual-contact worklist.", Warning: false));

        const string layout = "campaign-proof";
        const string title = "Proof of notification";
        var subtitle = $"{organisation} — notice to the people affected";
        var stage = $"Summary as of {When(at)}";
        return new FilingDocument
        {
            Layout = layout,
            Language = "en",
            Title = title,
            Subtitle = subtitle,
            StageLabel = stage,
            Author = FilingText.Clean(organisation),
            FiledAt = at,
            Zone = zone,
            Blocks = blocks,
            Missing = [],
            HashFooter = "Content SHA-256: {0}",
            PageFooter = "Page {0} of {1}",
        };
    }

    public static byte[] Render(CampaignSummary summary, string incidentReference, string incidentTitle, string organisation, Instant at, DateTimeZone zone) =>
        FilingPdfRenderer.Render(Document(summary, incidentReference, incidentTitle, organisation, at, zone)).Pdf;

    public static string Label(RecipientState state) => state switch
    {
        RecipientState.Queued => "Queued",
        RecipientState.Sending => "Sending",
        RecipientState.Sent => "Sent",
        RecipientState.RetryLater => "Waiting to retry",
        RecipientState.Failed => "Failed",
        _ => "Withheld",
    };
}
