using System.Text;
using System.Text.Json;
using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Notices;

/// <summary>
/// What the notice and campaign API tests need around <see cref="ApiWorld"/>: a fresh Hong Kong incident of Alpha's with
/// its people imported through the import handler (the app's own, with its key ring), and a look into the database.
/// </summary>
internal static class NoticeApiSetup
{
    /// <summary>Two people reading English and one reading Traditional Chinese, all in Hong Kong.</summary>
    public const string People = "Name,Email,Country,Language\nChan Tai Man,tai.man@example.hk,HK,en\nWong Siu Ling,siu.ling@example.hk,HK,en\n" +
                                 "Lee Ka Yan,ka.yan@example.hk,HK,zh-Hant\n";

    public static async Task<Guid> IncidentAsync(ApiWorld world, string people = People)
    {
        var created = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents",
            ApiWorld.HongKongIncident($"Notices {Guid.NewGuid():N}")));
        var incident = created.GetProperty("id").GetGuid();
        var me = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, "/api/v1/me"));
        var legal = new Actor(me.GetProperty("userId").GetGuid(), world.EmailOf(Caller.Legal), me.GetProperty("organisationId").GetGuid(), Role.Legal);
        await using var scope = world.App.Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportPeople>().HandleAsync(legal,
            new ImportPeople.Request(incident, () => new MemoryStream(Encoding.UTF8.GetBytes(people)), new ColumnMap("Name", "Country", "Email", "Language")));
        Assert.True(imported.IsOk, string.Join("; ", imported.Value?.Problems.Select(p => $"{p.Line} {p.Field} {p.Message}") ?? []));
        return incident;
    }

    /// <summary>An incident whose notice is written in English and Traditional Chinese, ready for a campaign.</summary>
    public static async Task<Guid> ReadyIncidentAsync(ApiWorld world, string people = People)
    {
        var incident = await IncidentAsync(world, people);
        await world.ReadJsonAsync(await SaveAsync(world, Caller.Legal, incident, "en", CampaignWorld.Draft));
        await world.ReadJsonAsync(await SaveAsync(world, Caller.Legal, incident, "zh-Hant", CampaignWorld.ChineseDraft));
        return incident;
    }

    public static Task<HttpResponseMessage> SaveAsync(ApiWorld world, Caller caller, Guid incident, string language,
        IReadOnlyDictionary<string, string> parts, string? ifMatch = null) =>
        world.SendAsync(caller, HttpMethod.Put, $"/api/v1/incidents/{incident}/notices/{language}",
            ApiWorld.Json(JsonSerializer.Serialize(new { fields = parts })), r => { if (ifMatch is not null) r.Headers.TryAddWithoutValidation("If-Match", ifMatch); });

    public static Task<HttpResponseMessage> PostAsync(ApiWorld world, Caller caller, string path, string? json = null, string? key = null) =>
        world.SendAsync(caller, HttpMethod.Post, path, json is null ? null : ApiWorld.Json(json),
            r => { if (key is not null) r.Headers.TryAddWithoutValidation("Idempotency-Key", key); });

    public static async Task<T> ReadAsync<T>(ApiWorld world, Func<ComplianceDbContext, Task<T>> read)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>());
    }

    /// <summary>The id of the person of the incident with this name.</summary>
    public static async Task<Guid> PersonAsync(ApiWorld world, Guid incident, string name)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var me = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, "/api/v1/me"));
        var legal = new Actor(me.GetProperty("userId").GetGuid(), world.EmailOf(Caller.Legal), me.GetProperty("organisationId").GetGuid(), Role.Legal);
        var people = await scope.ServiceProvider.GetRequiredService<PeopleRegister>().ListAsync(legal, incident, "test");
        return people.Value!.Single(p => p.Details.Name == name).Id;
    }

    /// <summary>The incident's audit entries with this action, as the audit endpoint shows them.</summary>
    public static async Task<List<JsonElement>> AuditAsync(ApiWorld world, Guid incident, string action)
    {
        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit"));
        return audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == action).ToList();
    }

    public static string ErrorsOf(string problem, string field) => IncidentStoryTests.ErrorsOf(problem, field);
}
