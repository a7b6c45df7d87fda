using System.Net;
using System.Text;
using Compliance.Tests.Pages.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Pages;

// Issue 7: import a list through the page — upload, map the columns, see every bad row, import only a clean file.
public sealed class PeopleImportPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string List = "Full name,E-mail,Country,Lang\n陳大文,tai.man.chan@example.hk,HK,zh-Hant\nMarie Dubois,marie@example.fr,FR,fr\n";

    private async Task<string> UploadAsync(string email, string csv)
    {
        var client = await app.SignedInAsync(email);
        var page = $"/Incidents/{PagesApp.Canada2022}/People/Import";
        var response = await client.PostMultipartAsync(page, page + "?handler=Upload", [], ("Csv", "list.csv", "text/csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Upload_map_check_and_import_a_clean_list()
    {
        var legal = await app.SignedInAsync(PagesApp.Legal);
        var mapping = await UploadAsync(PagesApp.Legal, List);
        var upload = mapping.Split("upload=")[1];
        var html = await legal.HtmlAsync(mapping);
        Assert.Contains("<option value=\"Full name\" selected=\"selected\">", html);   // guessed from the header

        (string, string)[] map = [("Upload", upload), ("Map[Name]", "Full name"), ("Map[Jurisdiction]", "Country"), ("Map[Email]", "E-mail"), ("Map[Language]", "Lang")];
        var check = await (await legal.PostAsync(mapping, mapping + "&handler=Check", map)).Content.ReadAsStringAsync();
        Assert.Contains("2 row(s): FR 1, HK 1; 0 problem(s).", check);
        Assert.Equal(0, await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.Canada2022)));

        var imported = await legal.PostAsync(mapping, mapping + "&handler=Import", map);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(2, await app.ReadAsync(db => db.AffectedPeople.CountAsync(p => p.IncidentId == PagesApp.Canada2022)));
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
}
