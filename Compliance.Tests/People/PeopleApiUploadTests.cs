using System.Net;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.People;

/// <summary>POST /people/uploads, GET /people/uploads/{id}, POST /people/uploads/{id}/import: check first, import only when confirmed.</summary>
[Collection(ApiCollection.Name)]
public sealed class PeopleApiUploadTests(ApiServers servers)
{
    private static string ImportPath(Guid incident, Guid upload) => $"{PeopleApi.PathOf(incident)}/uploads/{upload}/import";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_upload_answers_its_check_and_a_file_with_problems_imports_nobody(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "A list with mistakes");
        const string csv = PeopleApi.Header + "\nKa Yan Ng,ky@example.org,HK,en,\nWing Lee,not-an-email,HK,en,\nKa Yan Twin,KY@example.org,HK,en,\nSam Wu,sam@example.org,Atlantis,en,\n";

        using var uploaded = await PeopleApi.UploadAsync(world, incident, csv);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var report = await world.ReadJsonAsync(uploaded);
        var upload = report.GetProperty("id").GetGuid();
        Assert.Equal(PeopleApi.PathOf(incident) + $"/uploads/{upload}", uploaded.Headers.Location!.OriginalString);
        Assert.Equal((4, 1, false), (report.GetProperty("rows").GetInt32(), report.GetProperty("duplicates").GetInt32(), report.GetProperty("canImport").GetBoolean()));
        Assert.Equal(("Name", "Country", "Email"), (report.GetProperty("columns").GetProperty("name").GetString(),
            report.GetProperty("columns").GetProperty("jurisdiction").GetString(), report.GetProperty("columns").GetProperty("email").GetString()));
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt64(), p.GetProperty("field").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([(3L, "email"), (4L, "email"), (5L, "jurisdiction")], problems.Select(p => (p.Item1, p.Item2)));
        Assert.Contains("appears twice", problems[1].Item3);

        var again = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/uploads/{upload}"));
        Assert.Equal(report.GetProperty("problems").ToString(), again.GetProperty("problems").ToString());

        using var refused = await world.PostJsonAsync(Caller.SecurityLead, ImportPath(incident, upload), "{}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not an email address", PeopleApi.ErrorsOf(await refused.Content.ReadAsStringAsync(), "line 3: email"));
        Assert.Empty(await PeopleApi.ListAsync(world, incident));
        Assert.Empty(await PeopleApi.AuditAsync(world, incident, "people.imported"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_clean_file_imports_with_the_columns_named_and_the_import_is_audited_without_names(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "A list with its own headers");
        const string csv = "Supporter,Where,Contact,Member no\nKa Yan Ng,HK,ky@example.org,M-001\nWing Lee,MO,wing@example.org,M-002\n";
        var report = await PeopleApi.UploadedAsync(world, incident, csv);
        var upload = report.GetProperty("id").GetGuid();
        Assert.False(report.GetProperty("canImport").GetBoolean()); // no header says "name": the tool must name the columns

        const string columns = """{ "columns": { "name": "Supporter", "jurisdiction": "Where", "email": "Contact", "extra": ["Member no"] } }""";
        var checkedAgain = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/uploads/{upload}/check", columns));
        Assert.Equal((true, 2, "Supporter", "Member no"), (checkedAgain.GetProperty("canImport").GetBoolean(), checkedAgain.GetProperty("rows").GetInt32(),
            checkedAgain.GetProperty("columns").GetProperty("name").GetString(), checkedAgain.GetProperty("columns").GetProperty("extra")[0].GetString()));
        Assert.Empty(await PeopleApi.ListAsync(world, incident)); // a check imports nobody

        var imported = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, ImportPath(incident, upload), columns));
        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        Assert.Equal((1, 1), (imported.GetProperty("perJurisdiction").GetProperty("HK").GetInt32(), imported.GetProperty("perJurisdiction").GetProperty("MO").GetInt32()));

        var people = await PeopleApi.ListAsync(world, incident);
        Assert.Equal([("Ka Yan Ng", "ky@example.org"), ("Wing Lee", "wing@example.org")], people.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("email").GetString())));
        var audit = Assert.Single(await PeopleApi.AuditAsync(world, incident, "people.imported"));
        Assert.Equal(2, audit.GetProperty("rows").GetInt32());
        Assert.DoesNotContain("Ka Yan", audit.ToString());
        // The upload is gone once imported: a retry finds nothing to import twice.
        using var gone = await world.GetAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/uploads/{upload}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var retry = await world.PostJsonAsync(Caller.SecurityLead, ImportPath(incident, upload), "{}");
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        // The same list uploaded again: both its people are already imported.
        var second = (await PeopleApi.UploadedAsync(world, incident, csv)).GetProperty("id").GetGuid();
        var again = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/uploads/{second}/check", columns));
        Assert.Equal((2, false), (again.GetProperty("duplicates").GetInt32(), again.GetProperty("canImport").GetBoolean()));
        Assert.Contains("already imported", again.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Roles_the_page_refuses_are_refused_and_an_upload_is_its_uploaders_alone(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "Who may upload");
        foreach (var caller in new[] { Caller.Admin, Caller.Viewer })
        {
            using var refused = await PeopleApi.UploadAsync(world, incident, PeopleApi.Csv(1), caller);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var beta = await PeopleApi.UploadAsync(world, world.BetaIncidentId, PeopleApi.Csv(1));
        Assert.Equal(HttpStatusCode.NotFound, beta.StatusCode);
        using var outsider = await PeopleApi.UploadAsync(world, incident, PeopleApi.Csv(1), Caller.OtherOrganisation);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        var upload = (await PeopleApi.UploadedAsync(world, incident, PeopleApi.Csv(2))).GetProperty("id").GetGuid();
        using var legalReads = await world.GetAsync(Caller.Legal, $"{PeopleApi.PathOf(incident)}/uploads/{upload}");
        Assert.Equal(HttpStatusCode.NotFound, legalReads.StatusCode);
        using var legalImports = await world.PostJsonAsync(Caller.Legal, ImportPath(incident, upload), "{}");
        Assert.Equal(HttpStatusCode.NotFound, legalImports.StatusCode);
        using var viewerImports = await world.PostJsonAsync(Caller.Viewer, ImportPath(incident, upload), "{}");
        Assert.Equal(HttpStatusCode.Forbidden, viewerImports.StatusCode);
        using var adminChecks = await world.PostJsonAsync(Caller.Admin, $"{PeopleApi.PathOf(incident)}/uploads/{upload}/check", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, adminChecks.StatusCode);
        using var otherIncident = await world.PostJsonAsync(Caller.SecurityLead, ImportPath(world.IncidentId, upload), "{}");
        Assert.Equal(HttpStatusCode.NotFound, otherIncident.StatusCode);
        Assert.Empty(await PeopleApi.ListAsync(world, incident));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_files_and_bad_columns_are_400s_naming_the_field_and_import_nobody(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var incident = await PeopleApi.NewIncidentAsync(world, "Bad uploads");
        var uploads = $"{PeopleApi.PathOf(incident)}/uploads";
        using var wrongPart = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, uploads, PeopleApi.Form("Name,Country\nA,HK\n"u8.ToArray(), "csv"));
        Assert.Contains("Choose a CSV file", PeopleApi.ErrorsOf(await wrongPart.Content.ReadAsStringAsync(), "file"));
        using var latin1 = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, uploads, PeopleApi.Form([.. "Name,Country\nJos"u8, 0xE9, .. ",HK\n"u8]));
        Assert.Equal(HttpStatusCode.BadRequest, latin1.StatusCode);
        Assert.Contains("not UTF-8", PeopleApi.ErrorsOf(await latin1.Content.ReadAsStringAsync(), "file"));
        using var json = await world.PostJsonAsync(Caller.SecurityLead, uploads, "{}");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        var upload = (await PeopleApi.UploadedAsync(world, incident, PeopleApi.Csv(2))).GetProperty("id").GetGuid();
        (string Body, string Field, string Words)[] cases =
        [
            ("""{ "columns": { "name": "Full name" } }""", "columns.name", "'Name', 'Email'"),
            ("""{ "columns": { "jurisdiction": null } }""", "columns.jurisdiction", "required"),
            ("""{ "columns": { "birthday": "Phone" } }""", "columns.birthday", "not a field"),
            ("""{ "columns": { "extra": ["Member no"] } }""", "columns.extra[0]", "not a column"),
            ("""{ "map": {} }""", "map", "not a field"),
        ];
        foreach (var (body, field, words) in cases)
        {
            using var response = await world.PostJsonAsync(Caller.SecurityLead, ImportPath(incident, upload), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(words, PeopleApi.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
        using var badCheck = await world.PostJsonAsync(Caller.SecurityLead, $"{PeopleApi.PathOf(incident)}/uploads/{upload}/check", cases[0].Body);
        Assert.Contains("not a column", PeopleApi.ErrorsOf(await badCheck.Content.ReadAsStringAsync(), "columns.name"));
        Assert.Empty(await PeopleApi.ListAsync(world, incident));
        Assert.Empty(await PeopleApi.AuditAsync(world, incident, "people.imported"));
    }
}
