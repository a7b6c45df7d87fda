using System.Net;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Compliance.Tests.Pages;

namespace Compliance.Tests.Audit;

public sealed class AuditPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    [Fact]
    public async Task The_log_shows_who_changed_what_and_exporting_it_is_itself_logged()
    {
        var id = await app.LogIncidentAsync();
        var lead = await app.SignedInAsync(PagesApp.Lead);
        var edited = await lead.PostAsync($"/Incidents/{id}/Edit", $"/Incidents/{id}/Edit", new IncidentPost(Count: "9000", Version: 0).Fields());
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var entries = Html.Text(Html.Element(await lead.HtmlAsync($"/Incidents/{id}/Audit"), "audit-entries"));
        Assert.Contains("lead@demo.example Incident logged", entries);
        Assert.Contains("lead@demo.example Incident facts changed affected: (jurisdiction: IE, count: 8000, estimated: false) → " +
                        "(jurisdiction: IE, count: 9000, estimated: false)", entries);

        var csv = await lead.PostAsync($"/Incidents/{id}/Audit", $"/Incidents/{id}/Audit?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at,incident,actor,action,data,previous_hash,hash", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains("\"incident.updated\""));

        var exported = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == id && e.Action == "audit.exported").ToListAsync());
        Assert.Equal("lead@demo.example", Assert.Single(exported).Actor);
        Assert.Contains("Audit log exported", Html.Text(await lead.HtmlAsync($"/Incidents/{id}/Audit")));
    }

    [Fact]
    public async Task The_organisations_log_reads_in_plain_words_with_views_folded_and_filters_by_person_kind_and_date()
    {
        await app.LogIncidentAsync(new IncidentPost(Title: "Stolen laptop with the donor list"));
        var legal = await app.SignedInAsync(PagesApp.Legal);
        await legal.HtmlAsync($"/Incidents/{PagesApp.HongKong2019}/People"); // a view: logged, then folded away
        var lead = await app.SignedInAsync(PagesApp.Lead);

        var page = await lead.HtmlAsync("/Audit");
        var log = Html.Text(Html.Element(page, "organisation-audit"));
        Assert.Contains("Incident logged", log);
        Assert.Contains("Duty added by the rules", log);
        Assert.DoesNotContain("obligation.added", log);
        Assert.DoesNotContain("Affected people viewed", log);
        Assert.Contains("folded away", Html.Text(Html.Element(page, "reads-folded")));
        Assert.Contains("Affected people viewed", Html.Text(Html.Element(await lead.HtmlAsync("/Audit?reads=true"), "organisation-audit")));

        var byLegal = Html.Text(Html.Element(await lead.HtmlAsync("/Audit?who=legal%40demo.example&reads=true"), "organisation-audit"));
        Assert.Contains("Affected people viewed", byLegal);
        Assert.DoesNotContain("lead@demo.example", byLegal);
        var duties = Html.Text(Html.Element(await lead.HtmlAsync("/Audit?kind=Duties"), "organisation-audit"));
        Assert.Contains("Duty added by the rules", duties);
        Assert.DoesNotContain("Incident logged", duties);
        Assert.Contains("Nothing matches", await lead.HtmlAsync("/Audit?to=2001-01-01"));

        var viewer = await app.SignedInAsync(PagesApp.Viewer);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/Audit")).StatusCode);
    }
}
