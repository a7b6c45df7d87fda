using System.Net;
using System.Text;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.People;

// Issue 7: import a list through the page — upload, map the columns, see every bad row, import only a clean file.
public sealed class PeopleImportPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string List = "Full name,E-mail,Country,Lang\n陳大文,tai.man.chan@example.hk,HK,zh-Hant\nMarie Dubois,marie@example.fr,FR,fr\n";

    private Task<string> UploadAsync(string email, string csv) => UploadAsync(email, Encoding.UTF8.GetBytes(csv));

    private async Task<string> UploadAsync(string email, byte[] csv)
    {
        var client = await app.SignedInAsync(email);
        var page = $"/Incidents/{PagesApp.Canada2022}/People/Import";
        var response = await client.PostMultipartAsync(page, page + "?handler=Upload", [], ("Csv", "list.csv", "text/csv", csv));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Upload_map_check_and_import_a_clean_list()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var before = await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.Canada2022));
        var mapping = await UploadAsync(PagesApp.Legal, List);
        var upload = mapping.Split("upload=")[1];
        var html = await legal.HtmlAsync(mapping);
        Assert.Contains("<option value=\"Full name\" selected=\"selected\">", html);   // guessed from the header

        (string, string)[] map = [("Upload", upload), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country"), ("Map[Email]", "E-mail"), ("Map[Language]", "Lang")];
        var check = await (await legal.PostAsync(mapping, mapping + "&handler=Check", map)).Content.ReadAsStringAsync();
        Assert.Contains("2 row(s): FR 1, HK 1; 0 problem(s).", check);
        Assert.Equal(before, await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.Canada2022)));

        var imported = await legal.PostAsync(mapping, mapping + "&handler=Import", map);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(before + 2, await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.Canada2022)));
        Assert.Contains("陳大文", await legal.HtmlAsync($"/Incidents/{PagesApp.Canada2022}/People"));
    }

    [Fact]
    public async Task A_list_with_bad_rows_is_shown_line_by_line_and_not_imported()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var mapping = await UploadAsync(PagesApp.Legal, "Full name,E-mail,Country,Lang\nBad Row,not-an-email,Narnia,en\n");
        (string, string)[] map = [("Upload", mapping.Split("upload=")[1]), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country"), ("Map[Email]", "E-mail"), ("Map[Language]", "Lang")];
        var before = await app.ReadAsync(db => db.AffectedPeople.CountAsync());
        var html = WebUtility.HtmlDecode(await (await legal.PostAsync(mapping, mapping + "&handler=Import", map)).Content.ReadAsStringAsync());
        Assert.Contains("'not-an-email' is not an email address", html);
        Assert.Contains("Narnia", html);
        Assert.DoesNotContain("confirm-import", html);
        Assert.Equal(before, await app.ReadAsync(db => db.AffectedPeople.CountAsync()));
    }

    [Fact]
    public async Task Someone_else_cannot_continue_an_upload()
    {
        var mapping = await UploadAsync(PagesApp.Legal, List);
        var lead = await app.SignedInAsync(PagesApp.Lead);
        (string, string)[] map = [("Upload", mapping.Split("upload=")[1]), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country")];
        var html = await (await lead.PostAsync(mapping, mapping + "&handler=Import", map)).Content.ReadAsStringAsync();
        Assert.Contains("The upload is gone", html);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_says_which_line_and_how_to_save_it_instead_of_empty_dropdowns()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var latin1 = Encoding.Latin1.GetBytes("Full name,E-mail,Country,Lang\nAnn One,ann@example.org,HK,en\nJosé Müller,jm@example.org,DE,de\n");
        var html = WebUtility.HtmlDecode(await legal.HtmlAsync(await UploadAsync(PagesApp.Legal, latin1)));
        var error = Html.Text(Html.Element(html, "import-error"));
        Assert.Contains("Line 3 of the file is not UTF-8 text", error);
        Assert.Contains("CSV UTF-8", error);
        Assert.DoesNotContain("id=\"mapping\"", html);
        Assert.Contains("id=\"Csv\"", html); // the upload form is back, to try the saved file
    }

    [Fact]
    public async Task A_stray_quote_is_reported_with_its_line_in_the_browser()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var mapping = await UploadAsync(PagesApp.Legal, "Full name,E-mail,Country,Lang\nAnn One,ann@example.org,HK,en\n\"Bo Two,bo@example.org,HK,en\nCy Three,cy@example.org,HK,en\n");
        (string, string)[] map = [("Upload", mapping.Split("upload=")[1]), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country"), ("Map[Email]", "E-mail"), ("Map[Language]", "Lang")];
        var html = WebUtility.HtmlDecode(await (await legal.PostAsync(mapping, mapping + "&handler=Check", map)).Content.ReadAsStringAsync());
        var problems = Html.Text(Html.Element(html, "import-problems"));
        Assert.Contains("3", problems);
        Assert.Contains("opens a quote", problems);
        Assert.DoesNotContain("confirm-import", html);
    }

    [Fact]
    public async Task The_first_rows_are_previewed_and_an_extra_column_is_kept_with_each_person()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var mapping = await UploadAsync(PagesApp.Legal, "Full name,E-mail,Country,Lang,Member number\nMarie Dubois,marie.extra@example.fr,FR,fr,M-1042\n");
        var html = WebUtility.HtmlDecode(await legal.HtmlAsync(mapping));
        var preview = Html.Text(Html.Element(html, "import-preview"));
        Assert.Contains("Member number", preview);
        Assert.Contains("M-1042", preview);
        Assert.Contains("Member number", Html.Text(Html.Element(html, "extra-columns")));

        (string, string)[] map = [("Upload", mapping.Split("upload=")[1]), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country"), ("Map[Email]", "E-mail"),
            ("Map[Language]", "Lang"), ("Extra", "Member number")];
        Assert.Equal(HttpStatusCode.Redirect, (await legal.PostAsync(mapping, mapping + "&handler=Import", map)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<Compliance.Domain.People.PeopleRegister>();
        var actor = new Compliance.Domain.Workspace.Actor(Guid.NewGuid(), PagesApp.Legal, Compliance.Web.Commands.DemoSeeder.OrganisationId, Compliance.Domain.Vocabulary.Role.Legal);
        var page = (await register.PageAsync(actor, PagesApp.Canada2022, "marie.extra@example.fr", null, 1, 10)).Value!;
        Assert.Equal("M-1042", Assert.Single(page.People).Details.Extra["Member number"]);
    }
}
