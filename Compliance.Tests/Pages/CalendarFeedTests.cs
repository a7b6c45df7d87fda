using System.Net;
using System.Text;
using Compliance.Tests.Pages.Support;
using Compliance.Web.Calendar;

namespace Compliance.Tests.Pages;

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

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
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
    public void Text_values_escape_backslashes_semicolons_commas_and_newlines()
    {
        Assert.Equal(@"a\\b\; c\, d\ne", CalendarText.Escape("a\\b; c, d\r\ne"));
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var ics = new StringBuilder();
        var text = "SUMMARY:" + string.Concat(Enumerable.Repeat("Données personnelles 個人資料 ", 8));
        CalendarText.WriteLine(ics, text);

        var lines = ics.ToString().Split("\r\n")[..^1];
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal(text, string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics.ToString())));
    }
}
