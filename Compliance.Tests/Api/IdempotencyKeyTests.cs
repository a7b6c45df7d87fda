using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>
/// A tool that lost the answer to a filing retries with the same Idempotency-Key: it gets the first answer again and
/// the duty is filed once, with one audit line. The key cannot be reused for another request or by another member.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyKeyTests(ApiServers servers)
{
    private const string Filing = """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-2019-0316" }""";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_retried_filing_with_the_same_key_is_answered_again_and_filed_once(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, duty) = await FreshDutyAsync(world);
        var key = Guid.NewGuid().ToString();

        using var first = await FileAsync(world, Caller.Legal, duty, Filing, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var retry = await FileAsync(world, Caller.Legal, duty, Filing, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", retry.Content.Headers.ContentType!.ToString());
        Assert.True(retry.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await FulfilmentLinesAsync(world, incident, duty));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_key_used_for_another_request_or_by_another_member_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, duty) = await FreshDutyAsync(world);
        var key = Guid.NewGuid().ToString();
        using var first = await FileAsync(world, Caller.Legal, duty, Filing, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var otherBody = await FileAsync(world, Caller.Legal, duty, Filing.Replace("PCPD-2019-0316", "PCPD-OTHER"), key);
        using var otherMember = await FileAsync(world, Caller.SecurityLead, duty, Filing, key);

        foreach (var refused in new[] { otherBody, otherMember })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("different request", IncidentStoryTests.ErrorsOf(await refused.Content.ReadAsStringAsync(), "Idempotency-Key"));
        }
        var duties = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/obligations"));
        var filed = duties.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == duty);
        Assert.Equal("PCPD-2019-0316", filed.GetProperty("fulfilment").GetProperty("reference").GetString());
        Assert.Equal(1, await FulfilmentLinesAsync(world, incident, duty));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_key_that_is_not_visible_ascii_is_a_400_naming_the_header(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, duty) = await FreshDutyAsync(world);

        using var tooLong = await FileAsync(world, Caller.Legal, duty, Filing, new string('k', 256));
        using var spaced = await FileAsync(world, Caller.Legal, duty, Filing, "two words");

        foreach (var refused in new[] { tooLong, spaced })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("visible ASCII", IncidentStoryTests.ErrorsOf(await refused.Content.ReadAsStringAsync(), "Idempotency-Key"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_refused_request_is_remembered_so_a_corrected_one_needs_a_new_key(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, duty) = await FreshDutyAsync(world);
        var key = Guid.NewGuid().ToString();

        using var invalid = await FileAsync(world, Caller.Legal, duty, """{ "reference": "PCPD-1" }""", key);
        using var again = await FileAsync(world, Caller.Legal, duty, """{ "reference": "PCPD-1" }""", key);
        using var corrected = await FileAsync(world, Caller.Legal, duty, Filing, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_upload_rebuilt_with_a_new_boundary_is_the_same_request_and_another_file_is_not(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, duty) = await FreshDutyAsync(world);
        var key = Guid.NewGuid().ToString();
        MultipartFormDataContent Form(string receipt) => new($"boundary-{Guid.NewGuid():N}")
        {
            { new StringContent("2019-03-16T09:30:00+08:00"), "filedAt" },
            { new StringContent("PCPD-2019-0316"), "reference" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(receipt)) { Headers = { ContentType = new("text/plain") } }, "evidence", "receipt.txt" },
        };

        using var first = await world.SendAsync(Caller.Legal, HttpMethod.Post, $"/api/v1/obligations/{duty}/fulfilment", Form("PCPD receipt"),
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));
        using var retry = await world.SendAsync(Caller.Legal, HttpMethod.Post, $"/api/v1/obligations/{duty}/fulfilment", Form("PCPD receipt"),
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));
        using var other = await world.SendAsync(Caller.Legal, HttpMethod.Post, $"/api/v1/obligations/{duty}/fulfilment", Form("Another receipt"),
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await FulfilmentLinesAsync(world, incident, duty));
    }

    [Fact]
    public async Task The_OpenAPI_document_offers_the_header_on_the_filing()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await world.App.Client.GetStringAsync("/api/openapi/v1.json")).RootElement;
        var fulfil = document.GetProperty("paths").GetProperty("/api/v1/obligations/{id}/fulfilment").GetProperty("post");

        Assert.Contains(fulfil.GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        Assert.True(fulfil.GetProperty("responses").TryGetProperty("422", out _));
    }

    private static async Task<(Guid Incident, Guid Duty)> FreshDutyAsync(ApiWorld world)
    {
        var created = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents",
            ApiWorld.HongKongIncident($"Idempotency {Guid.NewGuid():N}")));
        var incident = created.GetProperty("id").GetGuid();
        var duties = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incident}/obligations"));
        var duty = duties.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("ruleId").GetString() == "hk-pdpo-pcpd");
        return (incident, duty.GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> FileAsync(ApiWorld world, Caller caller, Guid duty, string body, string key) =>
        world.SendAsync(caller, HttpMethod.Post, $"/api/v1/obligations/{duty}/fulfilment", ApiWorld.Json(body),
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));

    private static async Task<int> FulfilmentLinesAsync(ApiWorld world, Guid incident, Guid duty)
    {
        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit?limit=200"));
        return audit.GetProperty("entries").EnumerateArray()
            .Count(e => e.GetProperty("action").GetString()!.Contains("fulfil", StringComparison.OrdinalIgnoreCase)
                        && e.GetProperty("data").ToString().Contains(duty.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
