using System.Net;
using System.Text;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Pages.Support;
using Compliance.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.People;

public sealed class PeoplePageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private async Task ImportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (await db.AffectedPeople.AnyAsync(p => p.IncidentId == PagesApp.HongKong2019)) return; // another test may have filled another incident first
        var import = scope.ServiceProvider.GetRequiredService<ImportPeople>();
        var legal = new Actor(Guid.NewGuid(), PagesApp.Legal, DemoSeeder.OrganisationId, Role.Legal);
        var csv = "Name,Email,Country,Language\n陳大文,tai.man.chan@example.hk,HK,zh-Hant\nActivist A,a.activist@example.hk,HK,zh-Hant\n";
        Assert.True((await import.HandleAsync(legal, new ImportPeople.Request(PagesApp.HongKong2019, () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMap("Name", "Country", "Email", "Language")))).IsOk);
    }

    [Fact]
    public async Task Legal_staff_see_the_people_flag_an_activist_and_find_them_on_the_worklist()
    {
        await ImportAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.HongKong2019}/People";
        var html = await legal.HtmlAsync(page);
        Assert.Contains("陳大文", html);
        Assert.Contains("Everyone can be reached by email", html);

        var personId = await app.ReadAsync(db => db.AffectedPeople.Where(p => p.IncidentId == PagesApp.HongKong2019 && p.Line == 3).Select(p => p.Id).SingleAsync());
        var saved = await legal.PostAsync(page, page + "?handler=Flags", ("personId", personId.ToString()), ("doNotEmail", "true"), ("delegateTo", ""), ("redactions", ""));
        var after = await saved.Content.ReadAsStringAsync();
        Assert.Contains("never receive an email", after);
        Assert.Contains("do not email: an email could endanger them", after);
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "people.viewed")));
    }

    [Fact]
    public async Task A_view_of_the_people_page_is_audited_as_its_worklist_and_its_page_with_how_many_each_showed()
    {
        await ImportAsync();
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var before = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == PagesApp.HongKong2019).MaxAsync(e => (long?)e.Sequence)) ?? 0;
        var shown = await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.HongKong2019));
        var onWorklist = await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.HongKong2019
            && (p.DoNotEmail || p.ProtectedDelegate != null || p.EmailLookup == null)));

        await legal.HtmlAsync($"/Incidents/{PagesApp.HongKong2019}/People");

        var lines = await app.ReadAsync(db => db.AuditEntries.Where(e => e.IncidentId == PagesApp.HongKong2019 && e.Sequence > before && e.Actor == PagesApp.Legal)
            .OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["people.viewed", "people.viewed"], lines.Select(e => e.Action));
        Assert.Contains($"\"purpose\":\"manual-contact worklist\",\"count\":{onWorklist}", lines[0].Data);
        Assert.Contains($"\"purpose\":\"people page\",\"count\":{Math.Min(shown, 50)}", lines[1].Data);
        Assert.Equal(lines[0].Sequence + 1, lines[1].Sequence);
    }

    [Theory]
    [InlineData(PagesApp.Viewer)]
    [InlineData(PagesApp.Admin)]
    public async Task Other_roles_do_not_see_the_list(string who)
    {
        await ImportAsync();
        var client = await app.SignedInAsync(who);
        var response = await client.GetAsync($"/Incidents/{PagesApp.HongKong2019}/People");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("陳大文", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_long_list_is_paged_and_searched_by_name_email_and_jurisdiction_with_compact_rows()
    {
        var csv = new StringBuilder("Name,Email,Country,Language\n");
        for (var i = 1; i <= 120; i++) csv.Append($"Supporter {i:000},supporter{i}@example.org,{(i % 3 == 0 ? "US-CA" : "CA")},en\n");
        await app.ImportAsync(PagesApp.Canada2022, csv.ToString());
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var page = $"/Incidents/{PagesApp.Canada2022}/People";

        var first = WebUtility.HtmlDecode(await legal.HtmlAsync(page));
        Assert.Equal(PeopleModel.PageSize, System.Text.RegularExpressions.Regex.Matches(Html.Element(first, "people"), "<tr>").Count - 1 /* header row */);
        Assert.Contains("People 1–50 of 120.", Html.Text(Html.Element(first, "people-range")));
        Assert.Contains("Page 1 of 3", Html.Text(Html.Element(first, "people-pages")));
        Assert.Contains("<details>", first); // the safety form stays folded: a row is a line, not a form

        var third = WebUtility.HtmlDecode(await legal.HtmlAsync(page + "?p=3"));
        Assert.Contains("People 101–120 of 120.", Html.Text(Html.Element(third, "people-range")));

        var byName = WebUtility.HtmlDecode(await legal.HtmlAsync(page + "?q=supporter%2007"));
        Assert.Contains("Supporter 070", byName);
        Assert.Contains("Supporter 079", byName);
        Assert.DoesNotContain("Supporter 080", byName);
        Assert.Contains("of 10.", Html.Text(Html.Element(byName, "people-range"))); // 070-079

        var byEmail = WebUtility.HtmlDecode(await legal.HtmlAsync(page + "?q=Supporter42@example.org"));
        Assert.Contains("Supporter 042", byEmail);
        Assert.Contains("of 1.", Html.Text(Html.Element(byEmail, "people-range")));

        var inCalifornia = WebUtility.HtmlDecode(await legal.HtmlAsync(page + "?in=US-CA"));
        Assert.Contains("of 40.", Html.Text(Html.Element(inCalifornia, "people-range")));
        Assert.DoesNotContain("Supporter 001", inCalifornia);
    }
}
