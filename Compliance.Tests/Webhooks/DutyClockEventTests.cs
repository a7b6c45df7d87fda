using Compliance.Domain.Persistence;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Api;
using Compliance.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// "Due soon" and "overdue" come from the clock, not from a change: the sweep announces each duty once for each,
/// however often it runs, and only to organisations whose endpoints asked.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DutyClockEventTests(ApiServers servers)
{
    // Beta Aid (Dublin): a GDPR duty to tell the DPC within 72 hours of awareness.
    private const string DublinIncident = """
        { "title": "Beta volunteer list emailed to the wrong group", "awareAt": "2019-03-15T12:00:00+00:00", "timeZone": "Europe/Dublin",
          "dataCategories": ["name", "email"], "affected": [{ "jurisdiction": "IE", "count": 120 }],
          "exfiltration": "suspected", "encryption": "none", "cause": "misdirected", "riskLevel": "risk" }
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_duty_is_announced_due_soon_once_and_overdue_once_however_often_the_sweep_runs(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var endpoint = await WebhookCalls.RegisterAsync(world, "https://hooks.example.ie/beta", Caller.OtherOrganisation, "duty.due-soon", "duty.overdue");
        try
        {
            var incident = await WebhookCalls.CreateIncidentAsync(world, "", "", Caller.OtherOrganisation, DublinIncident);
            var duties = await world.ReadJsonAsync(await world.GetAsync(Caller.OtherOrganisation, $"/api/v1/incidents/{incident}/obligations"));
            var dated = duties.GetProperty("obligations").EnumerateArray().First(o => o.GetProperty("deadline").GetString() is not null);
            var duty = dated.GetProperty("id").GetGuid();
            var deadline = OffsetDateTimePattern.ExtendedIso.Parse(dated.GetProperty("deadline").GetString()!).Value.ToInstant();

            var clock = new FixedClock(deadline - Duration.FromHours(30));
            var sweep = new DutyClockEvents(WebhookCalls.Database(world), clock, WebhookOptions.Default);
            await sweep.RunAsync();
            Assert.Empty(await EventsForAsync(world, endpoint.Id, duty));

            clock.Now = deadline - Duration.FromHours(20);
            await sweep.RunAsync();
            clock.Advance(Duration.FromHours(1));
            await sweep.RunAsync();
            Assert.Equal(["duty.due-soon"], await EventsForAsync(world, endpoint.Id, duty));

            clock.Now = deadline + Duration.FromMinutes(1);
            await sweep.RunAsync();
            await sweep.RunAsync();
            Assert.Equal(["duty.due-soon", "duty.overdue"], await EventsForAsync(world, endpoint.Id, duty));

            var overdue = (await WebhookCalls.DeliveriesAsync(world, endpoint.Id, Caller.OtherOrganisation))
                .Single(d => d.GetProperty("eventId").GetString() == WebhookEventId.ForDuty(WebhookEvents.DutyOverdue, duty));
            var data = overdue.GetProperty("payload").GetProperty("data");
            Assert.Equal(dated.GetProperty("deadline").GetString(), data.GetProperty("duty").GetProperty("deadline").GetString());
            Assert.Equal($"/api/v1/incidents/{incident}", data.GetProperty("incident").GetProperty("href").GetString());
            Assert.DoesNotContain("volunteer", overdue.GetProperty("payload").GetRawText());
        }
        finally
        {
            await WebhookCalls.RemoveAsync(world, endpoint.Id, Caller.OtherOrganisation);
        }
    }

    private static async Task<List<string>> EventsForAsync(ApiWorld world, Guid endpoint, Guid duty) =>
        (await WebhookCalls.DeliveriesAsync(world, endpoint, Caller.OtherOrganisation))
            .Where(d => d.GetProperty("payload").GetProperty("data").GetProperty("duty").GetProperty("id").GetGuid() == duty)
            .Select(d => d.GetProperty("eventType").GetString()!).Order().ToList();
}
