using System.Net;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Pages;

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
        Assert.Contains("lead@demo.example incident.created", entries);
        Assert.Contains("lead@demo.example incident.updated affected: (jurisdiction: IE, count: 8000, estimated: false) → " +
                        "(jurisdiction: IE, count: 9000, estimated: false)", entries);

        var csv = await lead.PostAsync($"/Incidents/{id}/Audit", $"/Incidents/{id}/Audit?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at,incident,actor,action,data,previous_hash,hash", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains("\"incident.updated\""));

        var exported = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == id && e.Action == "audit.exported").ToListAsync());
        Assert.Equal("lead@demo.example", Assert.Single(exported).Actor);
        Assert.Contains("audit.exported", Html.Text(await lead.HtmlAsync($"/Incidents/{id}/Audit")));
    }
}
