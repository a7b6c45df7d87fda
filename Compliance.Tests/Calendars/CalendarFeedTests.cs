using System.Net;
using System.Text;
using Compliance.Tests.Pages.Support;
using Compliance.Domain.Incidents;
using Compliance.Domain.Obligations;
using Compliance.Domain.Vocabulary;
using NodaTime;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Calendars;

public sealed class CalendarFeedTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task The_secret_address_lists_open_deadlines_and_any_wrong_part_is_not_found()
    {
        var id = await app.LogIncidentAsync();
        var duty = await app.CurrentAsync(id, "eu-gdpr-art33");
        var url = await IssueFeedAsync(PagesApp.Lead);

        using var calendarApp = new HttpClient(); // a calendar app: no cookies, no sign-in
        var feed = await calendarApp.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        var unfolded = ics.Replace("\r\n ", "");
        var events = unfolded.Split("BEGIN:VEVENT\r\n").Skip(1).ToList();
        var ours = Assert.Single(events, e => e.Contains($"UID:{duty.Id}\r\n"));
        Assert.Contains("DTSTART:20261123T100000Z\r\n", ours);
        Assert.Contains(@"SUMMARY:INC-2026-001: notify regulator (IE\, Data Protection Commission)", ours);
        Assert.Contains($"URL:{app.Address.AbsoluteUri}Incidents/{id}\r\n", ours);
        Assert.DoesNotContain(events, e => e.Contains("hk-pdpo")); // duties without a deadline have no date to show
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));

        var segments = url.AbsolutePath.Split('/');
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(url, $"/calendar/{segments[2]}/{new string('0', 48)}.ics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(url, $"/calendar/{Guid.NewGuid():N}/{segments[3]}"))).StatusCode);
    }

    // The Account page shows the address once; only the secret's hash is stored.
    private async Task<Uri> IssueFeedAsync(string email)
    {
        var client = await app.SignedInAsync(email);
        var issued = await client.PostAsync("/Account/Security", "/Account/Security?handler=CalendarFeed");
        return new Uri(Html.Text(Html.Element(await issued.Content.ReadAsStringAsync(), "calendar-feed")));
    }

    [Fact]
    public void The_feed_parses_back_to_the_same_moments_in_utc_with_text_escaped_and_lines_folded()
    {
        // Europe/Dublin has a negative winter offset that Ical.Net's VTIMEZONE gets wrong: the feed must not rely on it.
        var now = Instant.FromUtc(2026, 11, 20, 9, 0);
        var title = "Données personnelles; 個人資料, a\\b " + string.Concat(Enumerable.Repeat("長い題名 ", 12));
        var incident = new Incident(Guid.NewGuid(), Guid.NewGuid(), "INC-2026-007", title, now, now);
        var deadline = Instant.FromUtc(2026, 11, 23, 10, 0);
        var duty = new Obligation(Guid.NewGuid(), incident.OrganisationId, incident.Id, "IE", Recipient.Regulator, "Data Protection Commission",
            "initial", mandatory: true, deadline, latestDeadline: null, target: null, "Europe/Dublin", "eu-gdpr-art33", "1", "Art. 33", ["GDPR Art. 33"], "V", now);
        var ics = DeadlineCalendar.Write([(duty, incident)], new Uri("https://tracker.example/"), now);

        Assert.DoesNotContain("VTIMEZONE", ics);
        Assert.Contains("\r\nDTSTAMP:20261120T090000Z\r\n", ics); // our clock, not the machine's
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var parsed = Ical.Net.Calendar.Load(ics)!;
        var e = Assert.Single(parsed.Events);
        Assert.Equal(duty.Id.ToString("D"), e.Uid);
        Assert.True(e.DtStart!.IsUtc);
        Assert.Equal(deadline.ToDateTimeUtc(), e.DtStart.Value);
        Assert.Contains(incident.Title, e.Description);
        Assert.Equal("https://tracker.example/Incidents/" + incident.Id, e.Url!.AbsoluteUri);
    }
}
