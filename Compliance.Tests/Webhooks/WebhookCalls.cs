using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Webhooks;

/// <summary>What the webhook tests do through the API and, for the background side, through the app's own services.</summary>
public static class WebhookCalls
{
    public sealed record Registered(Guid Id, string Secret);

    public static async Task<Registered> RegisterAsync(ApiWorld world, string url, Caller caller = Caller.Admin, params string[] events)
    {
        var body = JsonSerializer.Serialize(new { url, description = "SIEM", events = events.Length > 0 ? events : ["incident.created", "duty.added"] });
        var created = await world.ReadJsonAsync(await world.PostJsonAsync(caller, "/api/v1/webhooks", body));
        return new(created.GetProperty("endpoint").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    public static async Task RemoveAsync(ApiWorld world, Guid id, Caller caller = Caller.Admin)
    {
        using var response = await world.SendAsync(caller, HttpMethod.Delete, $"/api/v1/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(ApiWorld world, Guid endpoint, Caller caller = Caller.Admin)
    {
        var page = await world.ReadJsonAsync(await world.GetAsync(caller, $"/api/v1/webhooks/{endpoint}/deliveries?limit=200"));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<Guid> CreateIncidentAsync(ApiWorld world, string title, string summary, Caller caller = Caller.SecurityLead, string? json = null)
    {
        var incident = await world.ReadJsonAsync(await world.PostJsonAsync(caller, "/api/v1/incidents", json ?? ApiWorld.HongKongIncident(title, summary)));
        return incident.GetProperty("id").GetGuid();
    }

    /// <summary>One attempt, as the Hangfire job runs it.</summary>
    public static Task SendAsync(ApiWorld world, Guid delivery, int attempt) =>
        world.App.Services.GetRequiredService<WebhookSender>().SendAsync(delivery, attempt);

    public static Func<ComplianceDbContext> Database(ApiWorld world) => world.App.Services.GetRequiredService<Func<ComplianceDbContext>>();

    /// <summary>The data of the organisation's recent audit lines of this action that mention the id, read through GET /audit.</summary>
    public static async Task<List<string>> AuditDataAsync(ApiWorld world, string action, Guid mentioning, Caller caller = Caller.Admin)
    {
        var page = await world.ReadJsonAsync(await world.GetAsync(caller, "/api/v1/audit?kind=Organisation&limit=200"));
        var id = mentioning.ToString();
        return page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == action)
            .Select(e => e.GetProperty("data").GetRawText())
            .Where(d => d.Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
