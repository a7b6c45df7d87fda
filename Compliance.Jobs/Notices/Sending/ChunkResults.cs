using Compliance.Domain.Notices;
using Compliance.Jobs.Mail;
using NodaTime;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>The chunk recorded: how many messages were released, and the temporary refusals (which may pause the campaign).</summary>
internal sealed record ChunkOutcome(Instant At, int Released, int Attempted, int Temporary, int FewestAttempts, string? FirstRefusal);

/// <summary>
/// Turns what the transport said into each person's final state for this attempt and commits them together: sent
/// (confirmed, or unconfirmed when it was released and no reply came), queued again when the run was stopped before
/// the message was released, tried again later after a temporary refusal (with a growing backoff), or failed.
/// </summary>
internal sealed class ChunkResults(IClock clock)
{
    /// <summary>Temporary refusals of one message before it is given up as failed.</summary>
    public const int MaxAttempts = 8;

    private const string WithheldReply =
        "not emailed: a safety flag or a trusted contact was set, or the address removed, after the campaign was prepared; reach them as the manual-contact worklist says";

    /// <summary>The results of the people withheld from the chunk, counted at once.</summary>
    public static List<RecipientLogWriter.Result> Withheld(ComposedChunk chunk, SendTally tally)
    {
        var finals = chunk.Withheld.ConvertAll(r => new RecipientLogWriter.Result(r.PersonId, RecipientState.Withheld, false, null, null,
            WithheldReply, r.Attempts, null, null, null));
        tally.Withheld += finals.Count;
        return finals;
    }

    public async Task<ChunkOutcome> RecordAsync(IReadOnlyList<ComposedNotice> sending, Delivered delivered, List<RecipientLogWriter.Result> finals,
        RecipientLogWriter sendLog, SendTally tally, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var temporary = 0;
        var fewestAttempts = int.MaxValue;
        string? firstRefusal = null;
        for (var i = 0; i < sending.Count; i++)
        {
            var ((row, mail, template), result) = (sending[i], delivered.Results[i]);
            var handedAt = delivered.HandedAt[i];
            RecipientLogWriter.Result Final(RecipientState state, bool confirmed = false, Instant? sentAt = null, string? reply = null, int? attempts = null, Instant? next = null) =>
                new(row.PersonId, state, confirmed, handedAt, sentAt, MailResult.Stored(reply ?? result.Reply), attempts ?? row.Attempts, next, mail.MessageId, template);
            switch (result.Outcome)
            {
                case MailOutcome.Sent:
                    tally.Sent++;
                    if (delivered.AcceptedAt[i] is null) finals.Add(Final(RecipientState.Sent, confirmed: true, sentAt: now)); // else committed already
                    break;
                case MailOutcome.RetryLater when handedAt is { } at:
                    finals.Add(Final(RecipientState.Sent, sentAt: at));
                    tally.Unconfirmed++;
                    break;
                case MailOutcome.RetryLater when ct.IsCancellationRequested:
                    finals.Add(Final(RecipientState.Queued, attempts: row.Attempts - 1));
                    break;
                case MailOutcome.RetryLater when row.Attempts >= MaxAttempts:
                    finals.Add(Final(RecipientState.Failed, reply: $"gave up after {row.Attempts} temporary refusals; the last: {result.Reply}"));
                    tally.Failed++;
                    break;
                case MailOutcome.RetryLater:
                    finals.Add(Final(RecipientState.RetryLater, next: now + Backoff(row.Attempts)));
                    firstRefusal ??= result.Reply;
                    fewestAttempts = Math.Min(fewestAttempts, row.Attempts);
                    temporary++;
                    tally.RetryLater++;
                    break;
                default:
                    finals.Add(Final(RecipientState.Failed));
                    tally.Failed++;
                    break;
            }
        }
        await sendLog.CommitResultsAsync(finals);
        return new ChunkOutcome(now, delivered.HandedAt.Count(h => h is not null), sending.Count, temporary, fewestAttempts, firstRefusal);
    }

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(360, Math.Pow(3, Math.Min(attempts - 1, 6))));
}
