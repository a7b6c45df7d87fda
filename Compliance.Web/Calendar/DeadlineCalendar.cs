using System.Text;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Web.Pages.Incidents;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Calendar;

/// <summary>
/// The open deadlines as an iCalendar document a calendar app can subscribe to: each a moment (no DTEND, RFC 5545
/// 3.6.1). The UID is the duty's id, so a moved deadline (a new duty row) appears as a new event and the
/// superseded one drops out of the feed.
/// </summary>
public static class DeadlineCalendar
{
    private static readonly InstantPattern UtcStamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    public static string Write(IEnumerable<(Obligation Duty, Incident Incident)> duties, Uri site, Instant now)
    {
        var ics = new StringBuilder();
        void Line(string text) => CalendarText.WriteLine(ics, text);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Breach notification tracker//Deadlines//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + CalendarText.Escape("Breach notification deadlines"));
        foreach (var (duty, incident) in duties.Where(d => d.Duty.Status == ObligationStatus.Open && d.Duty.Deadline is not null))
        {
            var deadline = duty.Deadline!.Value;
            Line("BEGIN:VEVENT");
            Line("UID:" + duty.Id.ToString("D"));
            Line("DTSTAMP:" + UtcStamp.Format(now));
            Line("DTSTART:" + UtcStamp.Format(deadline));
            Line("SUMMARY:" + CalendarText.Escape(
                $"{incident.Reference}: notify {Labels.Of(duty.Recipient).ToLowerInvariant()} ({duty.Jurisdiction}, {duty.Authority}){(duty.Mandatory ? "" : " [voluntary]")}"));
            Line("DESCRIPTION:" + CalendarText.Escape(
                $"{incident.Title}\nDeadline {TimeText.Format(deadline, TimeText.Zone(duty.TimeZone, DateTimeZone.Utc))} ({duty.TimeZone}).\n{duty.Reason}"));
            Line("URL:" + new Uri(site, $"/Incidents/{incident.Id}").AbsoluteUri);
            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return ics.ToString();
    }
}
