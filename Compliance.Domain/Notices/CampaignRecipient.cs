using NodaTime;

namespace Compliance.Domain.Notices;

/// <summary>
/// <list type="bullet">
/// <item><see cref="Queued"/>: not yet sent, or put back after an interruption that proves the server never took it.</item>
/// <item><see cref="Sending"/>: claimed by the sender; <see cref="CampaignRecipient.HandedAt"/> tells whether the message was released.</item>
/// <item><see cref="Sent"/>: the server accepted it (its reply kept), or it was released in full and the reply was lost (unconfirmed).</item>
/// <item><see cref="RetryLater"/>: a 4xx reply or a lost connection before release; tried again after a backoff.</item>
/// <item><see cref="Failed"/>: a 5xx reply, an address no server will take, or too many temporary failures.</item>
/// <item><see cref="Withheld"/>: a safety flag was set after the campaign was prepared: never emailed.</item>
/// </list>
/// </summary>
public enum RecipientState { Queued, Sending, Sent, RetryLater, Failed, Withheld }

/// <summary>
/// One person in a campaign, and the send log for them: keyed by (campaign, person), made before anything is sent.
/// Holds no personal data (that stays encrypted with the person); only what proves what happened to their notice.
/// <para>
/// Exactly once: before the sender releases a message to the server (the final "." of DATA, the only moment a server
/// takes a message), it commits <see cref="HandedAt"/> (the commit runs while the envelope and content travel; a message
/// refused or cut off before its release has it cleared again, before the connection's next one is recorded). After a crash, a claimed row without it cannot be at the
/// server and goes back to the queue; a row with it is never sent again, and stays marked unconfirmed until someone
/// who has checked the mail server's log resends it with the same Message-ID.
/// </para>
/// </summary>
public sealed class CampaignRecipient
{
    private CampaignRecipient() { Jurisdiction = ""; Language = ""; }

    public CampaignRecipient(Guid organisationId, Guid campaignId, Guid personId, string jurisdiction, string language)
    {
        OrganisationId = organisationId;
        CampaignId = campaignId;
        PersonId = personId;
        Jurisdiction = jurisdiction;
        Language = language;
        State = RecipientState.Queued;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Jurisdiction { get; private set; }
    public string Language { get; private set; }

    /// <summary>Set when first claimed, from the campaign and the person: a resend carries the same one, so mail programs show it once.</summary>
    public string? MessageId { get; set; }

    public RecipientState State { get; set; }
    public string? ServerReply { get; set; }
    public int Attempts { get; set; }
    public Instant? NextAttemptAt { get; set; }

    /// <summary>When the message was released to the server (committed before the release).</summary>
    public Instant? HandedAt { get; set; }

    public Instant? SentAt { get; set; }

    /// <summary>The server's acceptance was received (false for a message released whose reply was lost).</summary>
    public bool Confirmed { get; set; }

    /// <summary>The template folder and language the notice was rendered from ("US-CA/en").</summary>
    public string? Template { get; set; }
}
