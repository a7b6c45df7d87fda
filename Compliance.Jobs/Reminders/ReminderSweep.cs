using Compliance.Jobs.Hosting;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

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
        int planned = 0, cancelled = 0, replanned = 0;
        // Only organisations whose members, duties, policy or zones changed since they were last planned: the mark
        // is set in the save that made the change (ReminderPlanChanges), and cleared here only if no newer change came.
        List<(Guid Id, Guid Change)> changed;
        await using (var db = openDb())
            changed = (await db.Organisations.Where(o => o.ReminderPlanChange != null).Select(o => new { o.Id, o.ReminderPlanChange })
                .ToListAsync(ct)).Select(o => (o.Id, o.ReminderPlanChange!.Value)).ToList();
        foreach (var (orgId, change) in changed)
        {
            await using var db = openDb();
            var result = await new ReminderPlanner(db, clock).SyncAsync(orgId, null, ct);
            await db.SaveChangesAsync(ct);
            await db.Organisations.Where(o => o.Id == orgId && o.ReminderPlanChange == change)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ReminderPlanChange, (Guid?)null), ct);
            planned += result.Added;
            cancelled += result.Cancelled;
            replanned++;
        }

        await using (var db = openDb())
        {
            var stale = clock.GetCurrentInstant() - Settings.UncertainAfter;
            await db.MailLog.Where(m => m.State == MailState.Sending && m.CreatedAt < stale && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Uncertain)
                    .SetProperty(m => m.ServerReply, "interrupted while sending: check the mailbox, then retry from the Jobs page if it did not arrive"), ct);
        }

        int sent = 0, retry = 0, failed = 0, skipped = 0;
        List<Guid> due;
        await using (var db = openDb())
        {
            var now = clock.GetCurrentInstant();
            due = await db.Reminders.Where(r => r.State == ReminderState.Pending && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Take(settings.BatchSize).Select(r => r.Id).ToListAsync(ct);
        }
        // Each reminder is claimed, sent and recorded on its own connection, so several go at once: the database
        // round trips and the mail server's replies of one overlap those of the others.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = ct }, async (id, token) =>
        {
            switch (await SendOneAsync(id, token))
            {
                case MailOutcome.Sent: Interlocked.Increment(ref sent); break;
                case MailOutcome.RetryLater: Interlocked.Increment(ref retry); break;
                case MailOutcome.Failed: Interlocked.Increment(ref failed); break;
                default: Interlocked.Increment(ref skipped); break;
            }
        });
        return new Pass(planned, cancelled, sent, retry, failed, skipped) { Replanned = replanned };
    }

    /// <returns>The outcome, or null when another run holds this reminder or it is waiting for its retry time.</returns>
    private async Task<MailOutcome?> SendOneAsync(Guid reminderId, CancellationToken ct)
    {
        await using var db = openDb();
        var reminder = await db.Reminders.SingleAsync(r => r.Id == reminderId, ct);
        if (reminder.State != ReminderState.Pending) return null;
        var now = clock.GetCurrentInstant();
        var key = $"reminder:{reminder.Id:N}";
        // Held by another run, interrupted, or waiting for its retry: nothing to compose.
        var existing = await db.MailLog.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, ct);
        if (existing is not null && (existing.State != MailState.RetryLater || existing.NextAttemptAt > now)) return null;
        var user = await db.Users.SingleAsync(u => u.Id == reminder.UserId, ct);
        var mail = await ComposeAsync(db, reminder, user, now, ct);

        if (await ClaimAsync(db, reminder, key, existing, user.Email, mail.Subject, now, ct) is not { } entry) return null;

        var result = await transport.SendAsync(mail, ct);
        entry.ServerReply = result.StoredReply;
        switch (result.Outcome)
        {
            case MailOutcome.Sent:
                entry.State = MailState.Sent;
                entry.SentAt = now;
                entry.MessageId = mail.MessageId;
                reminder.MarkSent(now, now - reminder.DueAt > Settings.LateAfter, result.StoredReply);
                // The next daily reminder or escalation follows from this send: plan it now (the others are fixed by
                // the deadline, and already planned).
                if (reminder.Kind is ReminderKind.Daily or ReminderKind.Overdue)
                    await new ReminderPlanner(db, clock).SyncAsync(reminder.OrganisationId, reminder.IncidentId, ct);
                break;
            case MailOutcome.RetryLater:
                entry.State = MailState.RetryLater;
                entry.NextAttemptAt = now + Backoff(entry.Attempts);
                break;
            default:
                entry.State = MailState.Failed;
                reminder.MarkFailed(result.StoredReply);
                break;
        }
        await db.SaveChangesAsync(ct);
        if (result.Outcome != MailOutcome.Sent)
            log.LogWarning("Reminder {ReminderId} not sent ({Outcome}): {Reply}", reminder.Id, result.Outcome, entry.ServerReply);
        return result.Outcome;
    }

    /// <summary>Takes the send-log row for this reminder: inserts it, or re-takes a row waiting for its retry. One winner.</summary>
    private static async Task<MailLogEntry?> ClaimAsync(ComplianceDbContext db, Reminder reminder, string key, MailLogEntry? existing, string to,
        string subject, Instant now, CancellationToken ct)
    {
        if (existing is not null)
        {
            var taken = await db.MailLog.Where(m => m.Key == key && m.State == MailState.RetryLater && m.Attempts == existing.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Sending).SetProperty(m => m.Attempts, existing.Attempts + 1), ct);
            return taken == 1 ? await db.MailLog.SingleAsync(m => m.Key == key, ct) : null;
        }
        var entry = new MailLogEntry(reminder.OrganisationId, key, to, subject, now);
        db.MailLog.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return entry;
        }
        catch (DbUpdateException)
        {
            return null; // another run inserted the same key first
        }
    }

    private static Duration Backoff(int attempts) => Duration.FromMinutes(Math.Min(60 * 6, 2 * Math.Pow(3, Math.Min(attempts - 1, 6))));

    private async Task<OutgoingMail> ComposeAsync(ComplianceDbContext db, Reminder reminder, User user, Instant now, CancellationToken ct)
    {
        if (reminder.TaskId is { } taskId) return await ComposeTaskAsync(db, reminder, taskId, user, now, ct);
        var duty = await db.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Id == reminder.ObligationId, ct);
        var (incident, org, role, zone) = await ReaderAsync(db, reminder, user, ct);
        var authorityZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(duty.TimeZone) ?? DateTimeZone.Utc;
        var late = now - reminder.DueAt > Settings.LateAfter;
        var words = templates.Strings("reminders", user.Language);
        var heading = Heading(reminder, duty, now, words);
        var subject = $"{(late ? words["late"] : "")}{heading}: {incident.Reference}, {KebabCase<Recipient>.ToId(duty.Recipient)} ({duty.Jurisdiction})";
        var model = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["heading"] = heading,
            ["reference"] = incident.Reference,
            ["title"] = incident.Title,
            ["recipientText"] = words[KebabCase<Recipient>.ToId(duty.Recipient)],
            ["jurisdiction"] = duty.Jurisdiction,
            ["authority"] = duty.Authority,
            ["deadline"] = duty.Deadline is not null,
            ["deadlineLocal"] = duty.Deadline is { } d ? Local(d, zone) : null,
            ["deadlineZone"] = zone.Id,
            ["deadlineAuthority"] = duty.Deadline is { } d2 ? AssessmentResponseWriter.Format(d2, authorityZone) : null,
            ["voluntary"] = !duty.Mandatory,
            ["late"] = late,
            ["dueLocal"] = Local(reminder.DueAt, zone),
            ["reason"] = duty.Reason,
            ["link"] = address.Link($"/Incidents/{incident.Id}#obligation-{duty.Id}"),
            ["role"] = KebabCase<Role>.ToId(role),
            ["organisation"] = org.Name,
        };
        return Mail(reminder, user, subject, "reminder", model);
    }

    /// <summary>A reminder about a task beyond the law: to its owner before it is due, to admins daily once it is overdue.</summary>
    private async Task<OutgoingMail> ComposeTaskAsync(ComplianceDbContext db, Reminder reminder, Guid taskId, User user, Instant now, CancellationToken ct)
    {
        var task = await db.IncidentTasks.IgnoreQueryFilters().SingleAsync(t => t.Id == taskId, ct);
        var (incident, org, role, zone) = await ReaderAsync(db, reminder, user, ct);
        var owner = task.OwnerUserId is { } ownerId ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.Email).SingleOrDefaultAsync(ct) : null;
        var late = now - reminder.DueAt > Settings.LateAfter;
        var words = templates.Strings("reminders", user.Language);
        var due = task.DueAt!.Value;
        var heading = reminder.Kind switch
        {
            ReminderKind.Overdue => string.Format(words["taskOverdue"], Ago(now - due, words)),
            ReminderKind.AtDeadline => words["taskDueNow"],
            _ => due > now ? string.Format(words["taskDueIn"], Ago(due - now, words)) : words["taskDuePassed"],
        };
        var subject = $"{(late ? words["late"] : "")}{heading}: {incident.Reference}, {task.Title}";
        var model = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["heading"] = heading,
            ["reference"] = incident.Reference,
            ["title"] = incident.Title,
            ["task"] = task.Title,
            ["kind"] = words.TryGetValue($"task-{KebabCase<Compliance.Domain.Tasks.TaskKind>.ToId(task.Kind)}", out var kind) ? kind : task.Kind.ToString(),
            ["owner"] = owner,
            ["dueLocal"] = Local(due, zone),
            ["dueZone"] = zone.Id,
            ["late"] = late,
            ["plannedLocal"] = Local(reminder.DueAt, zone),
            ["link"] = address.Link($"/Incidents/{incident.Id}/Tasks/{task.Id}"),
            ["role"] = KebabCase<Role>.ToId(role),
            ["organisation"] = org.Name,
        };
        return Mail(reminder, user, subject, "task-reminder", model);
    }

    /// <summary>What every reminder reads besides its subject: the incident, the organisation, the reader's role and zone.</summary>
    private static async Task<(Incident Incident, Organisation Org, Role Role, DateTimeZone Zone)> ReaderAsync(ComplianceDbContext db, Reminder reminder, User user, CancellationToken ct)
    {
        var incident = await db.Incidents.IgnoreQueryFilters().SingleAsync(i => i.Id == reminder.IncidentId, ct);
        var org = await db.Organisations.SingleAsync(o => o.Id == reminder.OrganisationId, ct);
        var role = await db.Members.Where(m => m.UserId == user.Id && m.OrganisationId == org.Id).Select(m => m.Role).FirstOrDefaultAsync(ct);
        return (incident, org, role, DateTimeZoneProviders.Tzdb.GetZoneOrNull(user.TimeZone ?? org.TimeZone) ?? DateTimeZone.Utc);
    }

    /// <summary>The reminder mail from its template (text and HTML), with its stable Message-ID and reminder key.</summary>
    private OutgoingMail Mail(Reminder reminder, User user, string subject, string template, Dictionary<string, object?> model) =>
        new(user.Email, subject,
            templates.Render("reminders", user.Language, template + ".txt", model),
            templates.Render("reminders", user.Language, template + ".html", model),
            $"<reminder.{reminder.Id:N}@compliance.invalid>",
            new Dictionary<string, string> { ["X-Compliance-Reminder"] = reminder.Key, ["Auto-Submitted"] = "auto-generated" });

    private static string Heading(Reminder r, Obligation duty, Instant now, IReadOnlyDictionary<string, string> words) => r.Kind switch
    {
        ReminderKind.Overdue => string.Format(words["overdue"], Ago(now - duty.Deadline!.Value, words)),
        ReminderKind.AtDeadline => words["atDeadline"],
        ReminderKind.Daily => words["decision"],
        _ => duty.Deadline is { } d && d > now ? string.Format(words["deadlineIn"], Ago(d - now, words)) : words["deadlinePassed"],
    };

    private static string Ago(Duration d, IReadOnlyDictionary<string, string> words) =>
        d.TotalHours >= 48 ? string.Format(words["days"], (int)d.TotalDays) :
        (int)d.TotalHours == 1 ? words["hour"] :
        d.TotalHours >= 1 ? string.Format(words["hours"], (int)d.TotalHours) : string.Format(words["minutes"], Math.Max(1, (int)d.TotalMinutes));

    private static string Local(Instant i, DateTimeZone zone) =>
        LocalPattern.Format(i.InZone(zone));

    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm x", null);
}
