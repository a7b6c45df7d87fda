using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Compliance.Web.Features.Calendars;

/// <summary>
/// The open deadlines as an iCalendar document (Ical.Net) a calendar app can subscribe to: each a moment (no DTEND,
/// RFC 5545 3.6.1). The UID is the duty's id, so a moved deadline (a new duty row) appears as a new event and the
/// superseded one drops out of the feed. Every time is written in UTC: Ical.Net's generated VTIMEZONE blocks are
/// wrong for some zones (Europe/Dublin's negative winter offset), and a UTC instant needs none.
/// </summary>
public static class DeadlineCalendar
{
    public static string Write(IEnumerable<(Obligation Duty, Incident Incident)> duties, Uri site, Instant now,
        IEnumerable<(Compliance.Domain.Tasks.IncidentTask Task, Incident Incident)>? tasks = null)
    {
        var calendar = new IcalCalendar { ProductId = "-//Breach notification tracker//Deadlines//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Breach notification deadlines");
        foreach (var (duty, incident) in duties.Where(d => d.Duty.Status == ObligationStatus.Open && d.Duty.Deadline is not null))
        {
            var deadline = duty.Deadline!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = duty.Id.ToString("D"),
                DtStamp = Utc(now),
                DtStart = Utc(deadline),
                Summary = $"{incident.Reference}: notify {Labels.Of(duty.Recipient).ToLowerInvariant()} ({duty.Jurisdiction}, {duty.Authority}){(duty.Mandatory ? "" : " [voluntary]")}",
                Description = $"{incident.Title}\nDeadline {TimeText.Format(deadline, TimeText.Zone(duty.TimeZone, DateTimeZone.Utc))} ({duty.TimeZone}).\n{duty.Reason}",
                Url = new Uri(site, $"/Incidents/{incident.Id}"),
                Transparency = "TRANSPARENT",
            });
        }
        // Tasks beyond the law with a due instant, beside the duties; the UID is the task's id, so a moved due time moves the event.
        foreach (var (task, incident) in (tasks ?? []).Where(t => t.Task.IsOpen && t.Task.DueAt is not null))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"task-{task.Id:D}",
                DtStamp = Utc(now),
                DtStart = Utc(task.DueAt!.Value),
                Summary = $"{incident.Reference}: task: {task.Title} ({Compliance.Domain.Tasks.TaskWords.Of(task.Kind)})",
                Description = $"{incident.Title}\nDue {TimeText.Format(task.DueAt!.Value, TimeText.Zone(incident.ClockZone, DateTimeZone.Utc))} ({incident.ClockZone}).",
                Url = new Uri(site, $"/Incidents/{incident.Id}/Tasks/{task.Id}"),
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);
}
