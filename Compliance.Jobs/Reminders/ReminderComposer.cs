using Compliance.Domain.Obligations;
using Compliance.Domain.Organisations;
using Compliance.Domain.Reminders;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Mail;
using NodaTime;

namespace Compliance.Jobs.Reminders;

/// <summary>
/// A reminder's mail, in its reader's language and zone, from its template (text and HTML): about a legal duty, or
/// about a task beyond the law. A reminder sent more than <see cref="ReminderSweep.Settings.LateAfter"/> after it
/// fell due says it is late.
/// </summary>
internal sealed class ReminderComposer(TemplateLibrary templates, PublicAddress address)
{
    public OutgoingMail Compose(ReminderFacts facts, Instant now) =>
        facts.Task is { } task ? ComposeTask(facts, task, now) : ComposeDuty(facts, facts.Duty!, now);

    /// <summary>A reminder about a legal duty: its deadline in the reader's zone and in the authority's.</summary>
    private OutgoingMail ComposeDuty(ReminderFacts facts, Obligation duty, Instant now)
    {
        var (reminder, user, incident, org, role, zone) = (facts.Reminder, facts.User, facts.Incident, facts.Organisation, facts.Role, facts.Zone);
        var authorityZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(duty.TimeZone) ?? DateTimeZone.Utc;
        var late = now - reminder.DueAt > ReminderSweep.Settings.LateAfter;
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
            ["deadlineLocal"] = duty.Deadline is { } d ? ReminderText.Local(d, zone) : null,
            ["deadlineZone"] = zone.Id,
            ["deadlineAuthority"] = duty.Deadline is { } d2 ? AssessmentResponseWriter.Format(d2, authorityZone) : null,
            ["voluntary"] = !duty.Mandatory,
            ["late"] = late,
            ["dueLocal"] = ReminderText.Local(reminder.DueAt, zone),
            ["reason"] = duty.Reason,
            ["link"] = address.Link($"/Incidents/{incident.Id}#obligation-{duty.Id}"),
            ["role"] = KebabCase<Role>.ToId(role),
            ["organisation"] = org.Name,
        };
        return Mail(reminder, user, subject, "reminder", model);
    }

    /// <summary>A reminder about a task beyond the law: to its owner before it is due, to admins daily once it is overdue.</summary>
    private OutgoingMail ComposeTask(ReminderFacts facts, Compliance.Domain.Tasks.IncidentTask task, Instant now)
    {
        var (reminder, user, incident, org, role, zone) = (facts.Reminder, facts.User, facts.Incident, facts.Organisation, facts.Role, facts.Zone);
        var owner = facts.TaskOwnerEmail;
        var late = now - reminder.DueAt > ReminderSweep.Settings.LateAfter;
        var words = templates.Strings("reminders", user.Language);
        var due = task.DueAt!.Value;
        var heading = ReminderText.TaskHeading(reminder, due, now, words);
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
            ["dueLocal"] = ReminderText.Local(due, zone),
            ["dueZone"] = zone.Id,
            ["late"] = late,
            ["plannedLocal"] = ReminderText.Local(reminder.DueAt, zone),
            ["link"] = address.Link($"/Incidents/{incident.Id}/Tasks/{task.Id}"),
            ["role"] = KebabCase<Role>.ToId(role),
            ["organisation"] = org.Name,
        };
        return Mail(reminder, user, subject, "task-reminder", model);
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
        ReminderKind.Overdue => string.Format(words["overdue"], ReminderText.Ago(now - duty.Deadline!.Value, words)),
        ReminderKind.AtDeadline => words["atDeadline"],
        ReminderKind.Daily => words["decision"],
        _ => duty.Deadline is { } d && d > now ? string.Format(words["deadlineIn"], ReminderText.Ago(d - now, words)) : words["deadlinePassed"],
    };
}
