using Compliance.Tests.Pages.Support;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Dashboard;

public sealed class DashboardTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task Open_duties_come_soonest_first_in_both_zones_with_the_overdue_marked_and_badges_shown()
    {
        var recent = await app.LogIncidentAsync(new IncidentPost(Title: "Recent phishing", AwareAt: "2026-11-20T10:00"));
        var old = await app.LogIncidentAsync(new IncidentPost(Title: "Old phishing", AwareAt: "2026-11-01T10:00"));
        var overdue = await app.CurrentAsync(old, "eu-gdpr-art33");
        var due = await app.CurrentAsync(recent, "eu-gdpr-art33");
        var pcpd = await app.CurrentAsync(PagesApp.HongKong2019, "hk-pdpo-pcpd");
        var police = await app.CurrentAsync(PagesApp.HongKong2019, "hk-police");

        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        var html = await viewer.HtmlAsync("/");

        var order = new[] { overdue.Id, due.Id, pcpd.Id }.Select(id => html.IndexOf($"data-obligation=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);

        var late = Html.Text(Html.Element(html.Replace($"data-obligation=\"{overdue.Id}\"", "id=\"late-row\""), "late-row"));
        Assert.Contains("overdue by 17d 22h 00m", late);
        Assert.EndsWith("overdue", late);
        Assert.Contains($"class=\"overdue-row\" data-obligation=\"{overdue.Id}\"", html);
        Assert.Contains("1 overdue", Html.Text(Html.Element(html, "overdue-count")));

        var soon = Html.Text(Html.Element(html.Replace($"data-obligation=\"{due.Id}\"", "id=\"due-row\""), "due-row"));
        Assert.Contains("INC-2026-", soon);
        Assert.Contains("IE Regulator Data Protection Commission", soon);
        Assert.Contains("Mon 23 Nov 2026 05:00 UTC-05:00 America/Toronto", soon);
        Assert.Contains("Mon 23 Nov 2026 10:00 UTC+00:00 Europe/Dublin", soon);
        Assert.Contains("1d 2h 00m left", soon);
        Assert.DoesNotContain("voluntary", soon);

        var voluntary = Html.Text(Html.Element(html.Replace($"data-obligation=\"{pcpd.Id}\"", "id=\"pcpd-row\""), "pcpd-row"));
        Assert.Contains("INC-2019-001", voluntary);
        Assert.Contains("No fixed deadline", voluntary);
        Assert.Contains("voluntary", voluntary);
        Assert.DoesNotContain("verify with counsel", voluntary);
        var unverified = Html.Text(Html.Element(html.Replace($"data-obligation=\"{police.Id}\"", "id=\"police-row\""), "police-row"));
        Assert.Contains("verify with counsel", unverified);
    }

    [Fact]
    public async Task The_dashboard_can_show_only_what_is_due_in_the_next_seven_days()
    {
        var soon = await app.CurrentAsync(await app.LogIncidentAsync(new IncidentPost(Title: "Due this week", AwareAt: "2026-11-21T10:00")), "eu-gdpr-art33");
        var pcpd = await app.CurrentAsync(PagesApp.HongKong2019, "hk-pdpo-pcpd"); // no fixed deadline
        var viewer = await app.SignedInAsync(PagesApp.Viewer);

        var week = await viewer.HtmlAsync("/?within=7");
        Assert.Contains($"data-obligation=\"{soon.Id}\"", week);
        Assert.DoesNotContain($"data-obligation=\"{pcpd.Id}\"", week);
        Assert.Contains("Due in the next 7 days", week);
        Assert.Contains($"data-obligation=\"{pcpd.Id}\"", await viewer.HtmlAsync("/"));
    }

    [Fact]
    public async Task Incidents_are_found_by_words_of_their_title_or_reference_and_filtered_by_status()
    {
        await app.LogIncidentAsync(new IncidentPost(Title: "Ransomware at the Nairobi office", AwareAt: "2026-11-19T10:00"));
        var viewer = await app.SignedInAsync(PagesApp.Viewer);

        var found = Html.Text(Html.Element(await viewer.HtmlAsync("/Incidents?q=nairobi+ransomware"), "incidents"));
        Assert.Contains("Ransomware at the Nairobi office", found);
        Assert.DoesNotContain("INC-2019-001", found);
        Assert.Contains("INC-2019-001", Html.Text(Html.Element(await viewer.HtmlAsync("/Incidents?q=inc-2019"), "incidents")));
        Assert.Contains("No incident matches", await viewer.HtmlAsync("/Incidents?q=nairobi&status=closed"));
    }

    [Fact]
    public async Task A_long_list_of_open_tasks_shows_the_twenty_due_soonest_and_links_to_all_of_them()
    {
        for (var i = 0; i < 3; i++) await app.LogIncidentAsync(new IncidentPost(Title: $"Phishing wave {i}", AwareAt: "2026-11-21T10:00"));
        var viewer = await app.SignedInAsync(PagesApp.Viewer);

        var first = await viewer.HtmlAsync("/");
        var all = await viewer.HtmlAsync("/?tasks=all");

        var open = System.Text.RegularExpressions.Regex.Matches(Html.Element(all, "open-tasks"), "data-task=").Count;
        Assert.True(open >= 24, $"{open} open tasks");
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(Html.Element(first, "open-tasks"), "data-task=").Count);
        Assert.Equal($"The 20 due soonest of {open} open tasks. Show all open tasks", Html.Text(Html.Element(first, "some-tasks")));
        Assert.Contains("href=\"/?tasks=all#open-tasks-section\"", first);
        Assert.DoesNotContain("id=\"some-tasks\"", all);
        // The first twenty are the first twenty of the whole list.
        var rows = System.Text.RegularExpressions.Regex.Matches(all, "data-task=\"([0-9a-f-]+)\"").Select(m => m.Groups[1].Value).Take(20);
        var shown = System.Text.RegularExpressions.Regex.Matches(first, "data-task=\"([0-9a-f-]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(rows, shown);
    }
}
