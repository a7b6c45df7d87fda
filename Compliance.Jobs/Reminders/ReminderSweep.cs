using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// One pass of the reminder sweep: re-plan the organisations whose plan changed, then send what is due and not yet
/// sent (read by its due instant, indexed), planning each sent reminder's successor. A pass costs what changed and
/// what is due, not the number of organisations. Each send first commits a
/// send-log row with a unique key, so a second run or a second node sends nothing; a 4xx reply is retried with
/// backoff, a 5xx reply marks the reminder failed; a reminder that fell due while nothing ran goes out once,
/// marked late. A send interrupted by a crash is never repeated blindly: it is flagged for a person to check.
/// </summary>
public sealed class ReminderSweep(
    Func<ComplianceDbContext> openDb, IMailTransport transport, TemplateLibrary templates, IClock clock,
    ReminderSweep.Settings settings, PublicAddress address, ILogger<ReminderSweep> log)
{
    private readonly ReminderReplanning replanning = new(openDb, clock);
    // Chunks and single reminders compose their mails alike, with one composer.
    private readonly (ReminderBatch Batch, ReminderSender Single) senders = Senders(openDb, transport, new ReminderComposer(templates, address), clock, log);

    private static (ReminderBatch, ReminderSender) Senders(Func<ComplianceDbContext> openDb, IMailTransport transport, ReminderComposer composer,
        IClock clock, ILogger log) => (new(openDb, transport, composer, clock, log), new(openDb, transport, composer, clock, log));

    /// <param name="BatchSize">At most this many due reminders per pass (the rest wait for the next one).</param>
    /// <param name="Parallelism">How many reminders are in flight at once (each on its own connection).</param>
    public sealed record Settings(int BatchSize = 200, int Parallelism = 4)
    {
        /// <summary>
        /// Four in flight on a database server; one on SQLite, whose single writer makes concurrent claims wait on its
        /// busy handler (10 due reminders took 172 ms with four in flight against 41 ms on PostgreSQL).
        /// </summary>
        public static Settings For(DatabaseProvider provider, int batchSize = 200) =>
            new(batchSize, provider == DatabaseProvider.Sqlite ? 1 : 4);

        public static readonly Duration LateAfter = Duration.FromMinutes(10);
        public static readonly Duration UncertainAfter = Duration.FromMinutes(10);
    }

    public sealed record Pass(int Planned, int Cancelled, int Sent, int RetryLater, int Failed, int Skipped)
    {
        /// <summary>Organisations re-planned because something they depend on changed.</summary>
        public int Replanned { get; init; }
    }

    public async Task<Pass> RunAsync(CancellationToken ct = default)
    {
        var replanned = await replanning.RunAsync(ct);
        await using (var db = openDb()) await InterruptedReminderSends.FlagAsync(db, clock.GetCurrentInstant(), ct);

        int sent = 0, retry = 0, failed = 0, skipped = 0;
        void Count(MailOutcome? outcome)
        {
            switch (outcome)
            {
                case MailOutcome.Sent: Interlocked.Increment(ref sent); break;
                case MailOutcome.RetryLater: Interlocked.Increment(ref retry); break;
                case MailOutcome.Failed: Interlocked.Increment(ref failed); break;
                default: Interlocked.Increment(ref skipped); break;
            }
        }
        // Reminders nothing has touched go in chunks, two commits each; retries, and chunks another run raced for, go
        // one at a time, each claimed, sent and recorded on its own connection so several overlap.
        var left = new List<Guid>();
        foreach (var chunk in (await DueAsync(ct)).Chunk(ReminderBatch.ChunkSize))
        {
            var done = await senders.Batch.SendAsync(chunk, ct);
            foreach (var outcome in done.Outcomes) Count(outcome);
            left.AddRange(done.Left);
        }
        await Parallel.ForEachAsync(left, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = ct },
            async (id, token) => Count(await senders.Single.SendAsync(id, token)));
        return new Pass(replanned.Planned, replanned.Cancelled, sent, retry, failed, skipped) { Replanned = replanned.Organisations };
    }

    /// <summary>The pending reminders now due, oldest first, at most a batch.</summary>
    private async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        await using var db = openDb();
        var now = clock.GetCurrentInstant();
        return await db.Reminders.Where(r => r.State == ReminderState.Pending && r.DueAt <= now)
            .OrderBy(r => r.DueAt).Take(settings.BatchSize).Select(r => r.Id).ToListAsync(ct);
    }
}
