using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Webhooks;

/// <summary>An endpoint's deliveries page by cursor, newest first, each once; a cursor that is not one is a 400 naming "after".</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeliveryPagingTests(ApiServers servers)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Paging_one_at_a_time_visits_every_delivery_once_in_the_order_of_the_whole_list(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, "https://hooks.example.org/breach");
        try
        {
            await WebhookCalls.CreateIncidentAsync(world, "Paging one", "");
            await WebhookCalls.CreateIncidentAsync(world, "Paging two", "");
            var whole = (await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.True(whole.Count >= 4, $"expected an incident and its duties twice, got {whole.Count}");

            var visited = new List<Guid>();
            string? next = $"/api/v1/webhooks/{endpoint.Id}/deliveries?limit=1";
            while (next is not null)
            {
                var page = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, next));
                visited.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
                next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            }
            Assert.Equal(whole, visited);

            using var bad = await world.GetAsync(Caller.Admin, $"/api/v1/webhooks/{endpoint.Id}/deliveries?after=not-a-cursor");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await bad.Content.ReadAsStringAsync(), "after"));
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }
}
