using System.Net;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Api;
using Compliance.Tests.Filings;
using Compliance.Tests.People;
using Compliance.Tests.Support;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// Events reach a receiver on loopback, signed with the endpoint's secret; a receiver that answers 500 gets the same
/// event again, one that answered 2xx never does; nothing in a payload names a person or repeats what someone typed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeliveryTests(ApiServers servers)
{
    private const string Title = "Leak naming Wong Siu-ming";
    private const string Summary = "WEBHOOK-PRIVATE-SUMMARY-91c2";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_incident_reaches_the_receiver_signed_with_the_secret_and_without_anything_personal(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await WebhookCalls.RegisterAsync(world, receiver.Url);
        try
        {
            var incident = await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            var deliveries = await WebhookCalls.DeliveriesAsync(world, endpoint.Id);
            var created = deliveries.Single(d => d.GetProperty("eventType").GetString() == "incident.created");
            Assert.Contains(deliveries, d => d.GetProperty("eventType").GetString() == "duty.added");
            Assert.Equal("pending", created.GetProperty("state").GetString());

            await WebhookCalls.SendAsync(world, created.GetProperty("id").GetGuid(), attempt: 0);

            var got = Assert.Single(receiver.Requests);
            Assert.Equal(created.GetProperty("eventId").GetString(), got.Id);
            Assert.StartsWith("application/json", got.ContentType);
            Assert.True(WebhookSignature.Verify(endpoint.Secret, got.Id, got.Timestamp, got.Body, got.Signature));
            Assert.False(WebhookSignature.Verify(Compliance.Domain.Webhooks.WebhookSecret.New(), got.Id, got.Timestamp, got.Body, got.Signature));
            Assert.False(WebhookSignature.Verify(endpoint.Secret, got.Id, got.Timestamp, got.Body.Replace("incident", "Incident"), got.Signature));
            Assert.Equal(ApiWorld.Clock.Now.ToUnixTimeSeconds(), got.Timestamp);

            using var payload = JsonDocument.Parse(got.Body);
            Assert.Equal("incident.created", payload.RootElement.GetProperty("type").GetString());
            var data = payload.RootElement.GetProperty("data").GetProperty("incident");
            Assert.Equal(incident, data.GetProperty("id").GetGuid());
            Assert.Equal($"/api/v1/incidents/{incident}", data.GetProperty("href").GetString());
            Assert.EndsWith("+08:00", payload.RootElement.GetProperty("timestamp").GetString());
            foreach (var d in await WebhookCalls.DeliveriesAsync(world, endpoint.Id)) AssertNothingPersonal(world, d.GetProperty("payload").GetRawText());

            var after = (await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).Single(d => d.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
            Assert.Equal("delivered", after.GetProperty("state").GetString());
            Assert.Equal(204, after.GetProperty("attemptLog")[0].GetProperty("status").GetInt32());
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_receiver_answering_500_gets_the_event_again_after_the_backoff_and_a_2xx_is_never_sent_twice(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await WebhookCalls.RegisterAsync(world, receiver.Url, Caller.Admin, "incident.created");
        try
        {
            await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            var delivery = Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).GetProperty("id").GetGuid();
            receiver.AnswerNext(500);

            await WebhookCalls.SendAsync(world, delivery, attempt: 0);
            await WebhookCalls.SendAsync(world, delivery, attempt: 0);   // Hangfire ran the same job twice: one POST
            var failed = Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id));
            Assert.Equal("pending", failed.GetProperty("state").GetString());
            Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
            var attempt = Assert.Single(failed.GetProperty("attemptLog").EnumerateArray());
            Assert.Equal(500, attempt.GetProperty("status").GetInt32());
            Assert.StartsWith("receiver is down", attempt.GetProperty("response").GetString());
            Assert.Equal(1024, attempt.GetProperty("response").GetString()!.Length);
            // The next attempt waits a minute (then 5, 30 minutes, 2, 6, 12 hours).
            Assert.Equal("2019-03-16T10:01:00+08:00", failed.GetProperty("nextAttemptAt").GetString());

            await WebhookCalls.SendAsync(world, delivery, attempt: 1);
            await WebhookCalls.SendAsync(world, delivery, attempt: 1);
            await WebhookCalls.SendAsync(world, delivery, attempt: 2);

            Assert.Equal(2, receiver.Requests.Count);
            Assert.Single(receiver.Requests.Select(r => r.Id).Distinct());
            var delivered = Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id));
            Assert.Equal("delivered", delivered.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, delivered.GetProperty("nextAttemptAt").ValueKind);
            Assert.Equal([500, 204], delivered.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("status").GetInt32()));
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_admin_replays_a_delivered_event_and_another_organisation_or_role_cannot(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await WebhookCalls.RegisterAsync(world, receiver.Url, Caller.Admin, "incident.created");
        try
        {
            await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            var delivery = Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).GetProperty("id").GetGuid();
            await WebhookCalls.SendAsync(world, delivery, attempt: 0);
            var replay = $"/api/v1/webhooks/deliveries/{delivery}/replay";

            using var outsider = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Post, replay);
            using var lead = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, replay);
            using var unknown = await world.SendAsync(Caller.Admin, HttpMethod.Post, $"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/replay");
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, lead.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("delivered", Assert.Single(await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).GetProperty("state").GetString());
            using var forbiddenList = await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/webhooks/{endpoint.Id}/deliveries");
            Assert.Equal(HttpStatusCode.NotFound, forbiddenList.StatusCode);

            using var replayed = await world.SendAsync(Caller.Admin, HttpMethod.Post, replay);
            Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
            Assert.Equal("pending", (await world.ReadJsonAsync(replayed)).GetProperty("state").GetString());
            await WebhookCalls.SendAsync(world, delivery, attempt: 1);

            Assert.Equal(2, receiver.Requests.Count);
            var log = Assert.Single(await WebhookCalls.AuditDataAsync(world, "webhook.replayed", delivery));
            Assert.Contains("incident.created", log);
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_filing_marked_filed_and_the_duty_fulfilled_are_announced_with_links_but_not_the_reference(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, "https://hooks.example.org/breach", Caller.Admin, "duty.fulfilled", "filing.filed");
        try
        {
            var incident = await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            var duty = (await FilingApi.RegulatorDutyAsync(world, incident)).GetProperty("id").GetGuid();
            var version = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.UrlOf(incident), "{}"));
            await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, FilingApi.FiledUrlOf(version),
                """{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-REF-SECRET-77", "fileIncomplete": true }"""));
            var filing = version.GetProperty("id").GetGuid();

            var deliveries = await WebhookCalls.DeliveriesAsync(world, endpoint.Id);
            Assert.Equal(["duty.fulfilled", "filing.filed"], deliveries.Select(d => d.GetProperty("eventType").GetString()).Order());
            var filed = deliveries.Single(d => d.GetProperty("eventType").GetString() == "filing.filed").GetProperty("payload").GetProperty("data");
            Assert.Equal(filing, filed.GetProperty("filing").GetProperty("id").GetGuid());
            Assert.Equal(version.GetProperty("pdf").GetString(), filed.GetProperty("filing").GetProperty("href").GetString());
            Assert.Equal(duty, filed.GetProperty("duty").GetProperty("id").GetGuid());
            Assert.Equal("done", filed.GetProperty("duty").GetProperty("status").GetString());
            foreach (var d in deliveries)
            {
                Assert.DoesNotContain("PCPD-REF-SECRET-77", d.GetProperty("payload").GetRawText());
                AssertNothingPersonal(world, d.GetProperty("payload").GetRawText());
            }
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Importing_affected_people_puts_none_of_their_names_or_emails_in_any_event(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, "https://hooks.example.org/breach", Caller.Admin, [.. Compliance.Domain.Webhooks.WebhookEvents.All]);
        try
        {
            var incident = await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            await PeopleApi.ImportAsync(world, incident, PeopleApi.Csv(6));
            Assert.Equal(6, (await PeopleApi.ListAsync(world, incident)).Count);

            var payloads = (await WebhookCalls.DeliveriesAsync(world, endpoint.Id)).Select(d => d.GetProperty("payload").GetRawText()).ToList();
            Assert.NotEmpty(payloads);
            foreach (var payload in payloads)
            {
                Assert.DoesNotContain("Supporter", payload);
                Assert.DoesNotContain("example.org", payload);
                AssertNothingPersonal(world, payload);
            }
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_disabled_endpoint_is_sent_nothing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, "https://hooks.example.org/breach", Caller.Admin, "incident.created");
        try
        {
            using var off = await world.PatchJsonAsync(Caller.Admin, $"/api/v1/webhooks/{endpoint.Id}", """{ "enabled": false }""");
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            await WebhookCalls.CreateIncidentAsync(world, Title, Summary);
            Assert.Empty(await WebhookCalls.DeliveriesAsync(world, endpoint.Id));
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id);
        }
    }

    private static void AssertNothingPersonal(ApiWorld world, string payload)
    {
        Assert.DoesNotContain("Wong", payload);
        Assert.DoesNotContain(Summary, payload);
        Assert.DoesNotContain("@", payload);
        Assert.DoesNotContain(world.EmailOf(Caller.SecurityLead), payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HKID", payload);
    }
}
