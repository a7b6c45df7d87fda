using Compliance.Domain.Audit;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Webhooks;
using Compliance.Jobs.Webhooks;
using Compliance.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Tests.Webhooks;

/// <summary>
/// Deliveries are written from the audit lines of a save, in its transaction: a change that is rolled back announces
/// nothing. The dispatcher hands each due delivery to Hangfire once, and again only if its job was lost.
/// </summary>
public sealed class WebhookOutboxTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-06-01T09:00:00Z");

    private static async Task<(DatabaseOptions Options, Guid Organisation, Guid Endpoint)> SeedAsync(DatabaseProvider provider)
    {
        var options = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = ComplianceDatabase.CreateContext(options);
        var organisation = new Organisation(Guid.NewGuid(), "Rights Watch", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        db.Organisations.Add(organisation);
        var endpoint = new WebhookEndpoint(organisation.Id, "https://hooks.example.org/x", "", WebhookEvents.All, "protected", "admin@rw.example", Clock.Now);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return (options, organisation.Id, endpoint.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Audit_lines_that_raise_events_become_deliveries_and_the_others_do_not(DatabaseProvider provider)
    {
        var (options, organisation, endpoint) = await SeedAsync(provider);
        var incident = Guid.NewGuid();
        var campaign = Guid.NewGuid();
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var log = new AuditLog(db, Clock);
            await log.AppendAsync(organisation, incident, "lead@rw.example", "risk.overridden", new { level = "high" });
            await log.AppendAsync(organisation, incident, "lead@rw.example", "campaign.approved", new { campaign });
            await log.AppendAsync(organisation, incident, "scheduler", "campaign.completed", new { campaign, name = "Tell the donors" });
            await log.AppendAsync(organisation, incident, "lead@rw.example", "timeline.added", new { text = "Called the police" });
            await log.AppendAsync(organisation, null, "admin@rw.example", "member.added", new { user = "new@rw.example" });
            await db.SaveChangesAsync();
        }
        await using var read = ComplianceDatabase.CreateContext(options);
        var deliveries = await read.WebhookDeliveries.Where(d => d.EndpointId == endpoint).ToListAsync();
        Assert.Equal(["campaign.approved", "campaign.finished", "incident.changed"], deliveries.Select(d => d.EventType).Order());
        var finished = deliveries.Single(d => d.EventType == "campaign.finished");
        Assert.Contains($"/api/v1/incidents/{incident}/campaigns/{campaign}", finished.Payload);
        Assert.DoesNotContain("Tell the donors", finished.Payload);
        Assert.Contains("\"timestamp\":\"2026-06-01T10:00:00+01:00\"", finished.Payload);
        Assert.All(deliveries, d => Assert.Equal(Clock.Now, d.NextAttemptAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_change_rolled_back_announces_nothing(DatabaseProvider provider)
    {
        var (options, organisation, endpoint) = await SeedAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await new AuditLog(db, Clock).AppendAsync(organisation, Guid.NewGuid(), "lead@rw.example", "incident.created", new { });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpoint));
            await transaction.RollbackAsync();
        }
        await using var read = ComplianceDatabase.CreateContext(options);
        Assert.False(await read.WebhookDeliveries.AnyAsync(d => d.EndpointId == endpoint));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_dispatcher_enqueues_a_due_delivery_once_and_again_only_after_its_job_was_lost(DatabaseProvider provider)
    {
        var (options, organisation, _) = await SeedAsync(provider);
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            await new AuditLog(db, Clock).AppendAsync(organisation, Guid.NewGuid(), "lead@rw.example", "incident.created", new { });
            await db.SaveChangesAsync();
        }
        var jobs = new RecordedJobs();
        var clock = new FixedClock(Clock.Now);
        var dispatch = new WebhookDispatch(() => ComplianceDatabase.CreateContext(options), jobs, clock);

        Assert.Equal(1, await dispatch.RunAsync());
        clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(0, await dispatch.RunAsync());
        clock.Advance(WebhookDispatch.Grace);
        Assert.Equal(1, await dispatch.RunAsync());

        Assert.Equal(2, jobs.Created.Count);
        Assert.All(jobs.Created, j => Assert.Equal(nameof(WebhookDeliveryJob.SendAsync), j.Method.Name));
        Assert.All(jobs.Created, j => Assert.Equal(0, j.Args[1]));
    }

    private sealed class RecordedJobs : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
