using System.Net;
using System.Text;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Tasks;

/// <summary>The incident's Tasks section and its pages, the dashboard, the feed, and the Canada 2022 demo case.</summary>
public sealed class TaskPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private Task<List<IncidentTask>> TasksOf(Guid incident) => app.ReadAsync(db => db.IncidentTasks.AsNoTracking().Where(t => t.IncidentId == incident).ToListAsync());

    [Fact]
    public async Task A_lead_adds_a_police_report_due_in_the_incidents_zone_and_completes_it_with_evidence()
    {
        var id = await app.LogIncidentAsync();
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var page = await lead.HtmlAsync($"/Incidents/{id}");
        var section = Html.Element(page, "tasks");
        Assert.Contains("Report the breach to the police or the cybercrime unit", Html.Text(section)); // from the organisation's template
        Assert.Contains("Brief the board", Html.Text(section));

        var added = await lead.PostAsync($"/Incidents/{id}/Tasks/New", $"/Incidents/{id}/Tasks/New",
            ("Form.Kind", "law-enforcement"), ("Form.Title", "Report to An Garda Síochána cybercrime bureau"), ("Form.Owner", ""),
            ("Form.Due.Local", "2026-11-23T12:00"), ("Form.Zone", "Europe/Dublin"), ("Form.ReportReference", "GNCCB-2026-4411"), ("Form.Officer", "Det. Sgt. Byrne"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var task = Assert.Single(await TasksOf(id), t => t.Title.StartsWith("Report to An Garda", StringComparison.Ordinal));
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 12, 0), task.DueAt); // Dublin is on UTC in November
        Assert.Equal("GNCCB-2026-4411", task.ReportReference);

        var done = await lead.PostMultipartAsync($"/Incidents/{id}/Tasks/{task.Id}", $"/Incidents/{id}/Tasks/{task.Id}?handler=Complete",
            [("DoneAt.Local", "2026-11-21T15:30"), ("DoneZone", "Europe/Dublin"), ("Notes", "Reported in person; crime number given.")],
            ("Evidence", "garda-receipt.txt", "text/plain", Encoding.UTF8.GetBytes("Crime number GNCCB-2026-4411")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var shown = await lead.HtmlAsync($"/Incidents/{id}/Tasks/{task.Id}");
        Assert.Equal("Done", Html.Text(Html.Element(shown, "task-state")));
        Assert.Contains(PagesApp.Lead, Html.Text(Html.Element(shown, "task-done")));
        Assert.Equal("Crime number GNCCB-2026-4411", await (await lead.GetAsync($"/Incidents/{id}/Tasks/{task.Id}?handler=Evidence")).Content.ReadAsStringAsync());

        var stored = await app.ReadAsync(db => db.IncidentTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(Instant.FromUtc(2026, 11, 21, 15, 30), stored.DoneAt);
        var actions = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == id && e.Data.Contains(task.Id.ToString())).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["task.added", "task.state-changed", "task.evidence-added"], actions);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_in_plain_words_next_to_the_field()
    {
        var id = await app.LogIncidentAsync();
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var response = await lead.PostAsync($"/Incidents/{id}/Tasks/New", $"/Incidents/{id}/Tasks/New",
            ("Form.Kind", "staff"), ("Form.Title", ""), ("Form.Owner", ""), ("Form.Due.Local", ""), ("Form.ReportReference", "X-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Say what is to be done", Html.Text(Html.Element(html, "task-title-error")));
        Assert.Contains("Report reference number belongs to a law-enforcement task only", Html.Text(Html.Element(html, "task-report-reference-error")));
        Assert.DoesNotContain(await TasksOf(id), t => t.Kind == TaskKind.Staff && !t.FromTemplate);
    }

    [Fact]
    public async Task A_viewer_reads_tasks_but_may_not_add_complete_or_dismiss_one()
    {
        var id = await app.LogIncidentAsync();
        var task = (await TasksOf(id)).First();
        var viewer = await app.SignedInAsync(PagesApp.Viewer);

        var page = await viewer.HtmlAsync($"/Incidents/{id}/Tasks/{task.Id}");
        Assert.DoesNotContain("complete-form", page);
        Assert.DoesNotContain("add-task", await viewer.HtmlAsync($"/Incidents/{id}"));
        Assert.Equal("/Account/Denied", (await viewer.GetAsync($"/Incidents/{id}/Tasks/New")).Headers.Location!.AbsolutePath);
        var complete = await viewer.PostAsync($"/Incidents/{id}/Tasks/{task.Id}", $"/Incidents/{id}/Tasks/{task.Id}?handler=NotNeeded", ("Reason", "The viewer thinks this is unnecessary."));
        Assert.Equal("/Account/Denied", complete.Headers.Location?.AbsolutePath);
        Assert.Equal(TaskState.Open, (await app.ReadAsync(db => db.IncidentTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).State);
    }

    [Fact]
    public async Task Another_organisations_task_is_not_found_on_the_page()
    {
        var ours = await app.LogIncidentAsync();
        var (theirIncident, theirTask) = await app.ReadAsync(async db =>
        {
            var org = new Organisation(Guid.NewGuid(), "Other NGO", "Europe/Paris", [JurisdictionCode.Parse("FR")], []);
            var incident = new Incident(Guid.NewGuid(), org.Id, "INC-2026-001", "Their incident", app.Clock.Now, app.Clock.Now);
            var task = new IncidentTask(Guid.NewGuid(), org.Id, incident.Id, TaskKind.Board, "Their board briefing", null, null, "them@other.example", app.Clock.Now, false);
            db.AddRange(org, incident, task);
            await db.SaveChangesAsync();
            return (incident.Id, task.Id);
        });
        var lead = await app.SignedInAsync(PagesApp.Lead);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/Incidents/{theirIncident}/Tasks/{theirTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/Incidents/{ours}/Tasks/{theirTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/Incidents/{ours}/Tasks/{theirTask}/Edit")).StatusCode);
        Assert.DoesNotContain("Their board briefing", await lead.HtmlAsync("/"));
    }

    [Fact]
    public async Task Open_tasks_show_on_the_dashboard_due_first_and_in_the_calendar_feed()
    {
        var id = await app.LogIncidentAsync();
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var dashboard = Html.Element(await lead.HtmlAsync("/?tasks=all"), "open-tasks");
        var platforms = dashboard.IndexOf("Ask platform providers", StringComparison.Ordinal); // due 24 h after awareness
        var donors = dashboard.IndexOf("Tell donors and supporters", StringComparison.Ordinal); // due 168 h after
        Assert.True(platforms >= 0 && donors > platforms, "the soonest due task comes first");

        var task = (await TasksOf(id)).Single(t => t.Kind == TaskKind.PlatformProviders);
        var issued = await lead.PostAsync("/Account/Security", "/Account/Security?handler=CalendarFeed");
        var url = new Uri(Html.Text(Html.Element(await issued.Content.ReadAsStringAsync(), "calendar-feed")));
        using var calendarApp = new HttpClient();
        var ics = (await calendarApp.GetStringAsync(url)).Replace("\r\n ", "");
        var ev = Assert.Single(ics.Split("BEGIN:VEVENT\r\n").Skip(1), e => e.Contains($"UID:task-{task.Id}\r\n"));
        Assert.Contains($"DTSTART:{task.DueAt!.Value.ToDateTimeUtc():yyyyMMdd'T'HHmmss}Z", ev);
        Assert.Contains("task: Ask platform providers", ev);
    }

    [Fact]
    public async Task The_Canada_2022_demo_case_holds_what_Amnesty_Canada_did_done_in_October_2022()
    {
        var tasks = await TasksOf(PagesApp.Canada2022);
        Assert.Equal([TaskKind.LawEnforcement, TaskKind.Staff, TaskKind.Donors, TaskKind.PartnersFunders], tasks.OrderBy(t => t.Kind).Select(t => t.Kind));
        var toronto = DateTimeZoneProviders.Tzdb["America/Toronto"];
        Assert.All(tasks, t =>
        {
            Assert.Equal(TaskState.Done, t.State);
            var done = t.DoneAt!.Value.InZone(toronto).Date;
            Assert.True(done.Year == 2022 && done.Month == 10 && done.Day >= 5, $"{t.Title} done {done}");
        });
        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        Assert.Contains("Report the intrusion to law enforcement", Html.Text(Html.Element(await viewer.HtmlAsync($"/Incidents/{PagesApp.Canada2022}"), "tasks")));
    }
}
