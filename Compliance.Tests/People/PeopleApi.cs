using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Api;

namespace Compliance.Tests.People;

/// <summary>The People API's steps as the tests take them: a fresh incident each, a CSV uploaded and imported, the audit read.</summary>
internal static class PeopleApi
{
    public const string Header = "Name,Email,Country,Language,Phone";

    public static string PathOf(Guid incident) => $"/api/v1/incidents/{incident}/people";

    public static async Task<Guid> NewIncidentAsync(ApiWorld world, string title)
    {
        var created = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents", ApiWorld.HongKongIncident(title)));
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>A list of people named Supporter 1..n, in Hong Kong and Macau by turns, each with an email.</summary>
    public static string Csv(int people) =>
        string.Join("\n", new[] { Header }.Concat(Enumerable.Range(1, people).Select(i => $"Supporter {i},s{i}@example.org,{(i % 2 == 0 ? "MO" : "HK")},en,"))) + "\n";

    public static MultipartFormDataContent Form(byte[] bytes, string part = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, part, "list.csv" } };
    }

    public static Task<HttpResponseMessage> UploadAsync(ApiWorld world, Guid incident, string csv, Caller caller = Caller.SecurityLead) =>
        world.SendAsync(caller, HttpMethod.Post, $"{PathOf(incident)}/uploads", Form(Encoding.UTF8.GetBytes(csv)));

    /// <summary>Uploads and checks the list; answers the check report.</summary>
    public static async Task<JsonElement> UploadedAsync(ApiWorld world, Guid incident, string csv)
    {
        using var response = await UploadAsync(world, incident, csv);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await world.ReadJsonAsync(response);
    }

    /// <summary>Uploads and imports a clean list with the guessed columns.</summary>
    public static async Task ImportAsync(ApiWorld world, Guid incident, string csv)
    {
        var report = await UploadedAsync(world, incident, csv);
        Assert.True(report.GetProperty("canImport").GetBoolean(), report.ToString());
        await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"{PathOf(incident)}/uploads/{report.GetProperty("id").GetGuid()}/import", "{}"));
    }

    public static async Task<List<JsonElement>> ListAsync(ApiWorld world, Guid incident, string query = "")
    {
        var page = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, PathOf(incident) + query));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>The incident's audit entries with this action, oldest first.</summary>
    public static async Task<List<JsonElement>> AuditAsync(ApiWorld world, Guid incident, string action)
    {
        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit"));
        return audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == action).Select(e => e.GetProperty("data")).ToList();
    }

    public static string ErrorsOf(string problem, string field) => IncidentStoryTests.ErrorsOf(problem, field);
}
