using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// An organisation's admins register, change, rotate and remove endpoints; other roles are refused (403), other
/// organisations see nothing (404), bad input is a 400 naming the field and changes nothing, every change is audited.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookEndpointApiTests(ApiServers servers)
{
    private const string Public = "https://hooks.example.org/breach";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_registers_an_endpoint_and_sees_its_secret_once_stored_encrypted(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, Public);
        try
        {
            Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", endpoint.Secret);
            using var get = await world.GetAsync(Caller.Admin, $"/api/v1/webhooks/{endpoint.Id}");
            var text = await get.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("\"1\"", get.Headers.ETag!.ToString());
            Assert.DoesNotContain(endpoint.Secret[6..], text);
            var read = JsonDocument.Parse(text).RootElement;
            Assert.Equal(Public, read.GetProperty("url").GetString());
            Assert.Equal(["incident.created", "duty.added"], read.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(world.EmailOf(Caller.Admin), read.GetProperty("createdBy").GetString());

            var list = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, "/api/v1/webhooks"));
            Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == endpoint.Id);
            await using var db = WebhookCalls.Database(world)();
            var stored = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpoint.Id);
            Assert.DoesNotContain(endpoint.Secret[6..], stored.ProtectedSecret);
            Assert.Single(await WebhookCalls.AuditDataAsync(world, "webhook.added", endpoint.Id));
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
        Assert.Single(await WebhookCalls.AuditDataAsync(world, "webhook.removed", endpoint.Id));
        using var gone = await world.GetAsync(Caller.Admin, $"/api/v1/webhooks/{endpoint.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Other_roles_are_refused_and_another_organisation_finds_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, Public);
        try
        {
            var id = endpoint.Id;
            var body = JsonSerializer.Serialize(new { url = Public, events = new[] { "incident.created" } });
            foreach (var caller in new[] { Caller.SecurityLead, Caller.Legal, Caller.Viewer })
            {
                using var list = await world.GetAsync(caller, "/api/v1/webhooks");
                using var create = await world.PostJsonAsync(caller, "/api/v1/webhooks", body);
                using var get = await world.GetAsync(caller, $"/api/v1/webhooks/{id}");
                using var rotate = await world.SendAsync(caller, HttpMethod.Post, $"/api/v1/webhooks/{id}/rotate-secret");
                using var delete = await world.SendAsync(caller, HttpMethod.Delete, $"/api/v1/webhooks/{id}");
                foreach (var refused in new[] { list, create, get, rotate, delete }) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
            using var outsiderGet = await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/webhooks/{id}");
            using var outsiderPatch = await world.PatchJsonAsync(Caller.OtherOrganisation, $"/api/v1/webhooks/{id}", """{ "enabled": false }""");
            using var outsiderRotate = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Post, $"/api/v1/webhooks/{id}/rotate-secret");
            using var outsiderDelete = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Delete, $"/api/v1/webhooks/{id}");
            foreach (var hidden in new[] { outsiderGet, outsiderPatch, outsiderRotate, outsiderDelete }) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            var theirs = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, "/api/v1/webhooks"));
            Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

            var still = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/webhooks/{id}"));
            Assert.True(still.GetProperty("enabled").GetBoolean());
            Assert.Equal(1, still.GetProperty("version").GetInt32());
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Plain_http_private_addresses_unknown_events_and_fields_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var before = (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, "/api/v1/webhooks"))).GetProperty("items").GetArrayLength();
        (string Body, string Field)[] cases =
        [
            ("""{ "url": "http://hooks.example.org/breach", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://10.0.0.5/hooks", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://192.168.1.20/hooks", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://169.254.169.254/latest/meta-data", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://[fd00::1]/hooks", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://intranet/hooks", "events": ["incident.created"] }""", "url"),
            ("""{ "url": "https://hooks.example.org/breach", "events": ["incident.deleted"] }""", "events"),
            ("""{ "url": "https://hooks.example.org/breach", "events": [] }""", "events"),
            ("""{ "url": "https://hooks.example.org/breach", "events": ["incident.created"], "secret": "mine" }""", "secret"),
        ];
        foreach (var (body, field) in cases)
        {
            using var response = await world.PostJsonAsync(Caller.Admin, "/api/v1/webhooks", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await response.Content.ReadAsStringAsync(), field));
        }
        var after = (await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, "/api/v1/webhooks"))).GetProperty("items").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_stale_change_is_a_conflict_and_a_current_one_is_audited(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, Public);
        try
        {
            var path = $"/api/v1/webhooks/{endpoint.Id}";
            using var changed = await world.PatchJsonAsync(Caller.Admin, path, """{ "events": ["duty.overdue", "duty.due-soon"], "description": "Jira" }""", ifMatch: "\"1\"");
            var read = await world.ReadJsonAsync(changed);
            Assert.Equal("\"2\"", changed.Headers.ETag!.ToString());
            Assert.Equal(["duty.due-soon", "duty.overdue"], read.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

            using var stale = await world.PatchJsonAsync(Caller.Admin, path, """{ "description": "overwritten" }""", ifMatch: "\"1\"");
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            using var badUrl = await world.PatchJsonAsync(Caller.Admin, path, """{ "url": "http://hooks.example.org/x" }""");
            Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await badUrl.Content.ReadAsStringAsync(), "url"));

            var now = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, path));
            Assert.Equal("Jira", now.GetProperty("description").GetString());
            Assert.Equal(Public, now.GetProperty("url").GetString());
            var line = Assert.Single(await WebhookCalls.AuditDataAsync(world, "webhook.changed", endpoint.Id));
            Assert.Contains("duty.overdue", line);
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_rotated_secret_signs_what_follows_and_the_old_one_no_longer_verifies(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await WebhookCalls.RegisterAsync(world, receiver.Url, Caller.Admin, "incident.created");
        try
        {
            var rotated = await world.ReadJsonAsync(await world.SendAsync(Caller.Admin, HttpMethod.Post, $"/api/v1/webhooks/{endpoint.Id}/rotate-secret"));
            var secret = rotated.GetProperty("secret").GetString()!;
            Assert.NotEqual(endpoint.Secret, secret);
            Assert.Equal(2, rotated.GetProperty("endpoint").GetProperty("version").GetInt32());

            await WebhookCalls.CreateIncidentAsync(world, "Rotation check", "");
            var delivery = Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).GetProperty("id").GetGuid();
            await WebhookCalls.SendAsync(world, delivery, 0);

            var got = Assert.Single(receiver.Requests);
            Assert.True(Jobs.Webhooks.WebhookSignature.Verify(secret, got.Id, got.Timestamp, got.Body, got.Signature));
            Assert.False(Jobs.Webhooks.WebhookSignature.Verify(endpoint.Secret, got.Id, got.Timestamp, got.Body, got.Signature));
            var line = Assert.Single(await WebhookCalls.AuditDataAsync(world, "webhook.secret-rotated", endpoint.Id));
            Assert.DoesNotContain(secret[6..], line);
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }
}
