using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Compliance.Tests.Tasks;
using Compliance.Web.Features.Incidents;
using Compliance.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Compliance.Tests.Incidents.TwoOrganisations;

namespace Compliance.Tests.Incidents;

// The incident page's reads are kept per incident with the organisation's audit head. Each read here is a request of
// its own (a fresh context), as on a web node; changes are made through another context, as another node would.
public sealed class IncidentSnapshotTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_unchanged_incident_is_read_once_and_any_audited_change_is_read_at_once(DatabaseProvider provider)
    {
        var (options, alpha, _) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var snapshots = new IncidentSnapshots(Clock);

        var first = await ReadAsync(options, snapshots, alpha.Viewer, incident.Id);
        Assert.Same(first, await ReadAsync(options, snapshots, alpha.Lead, incident.Id));   // nothing changed: no second read

        await using (var db = ComplianceDatabase.CreateContext(options))
            Assert.True((await new AddTimelineEvent(db, Clock).HandleAsync(alpha.Legal, new(incident.Id, Clock.Now, "Found the web shell on the CRM server."))).IsOk);
        var afterEvent = await ReadAsync(options, snapshots, alpha.Viewer, incident.Id);
        Assert.Contains(afterEvent.Timeline, e => e.Description == "Found the web shell on the CRM server.");

        await using (var db = ComplianceDatabase.CreateContext(options))
            Assert.True((await new TaskCommands(db, Clock).Add.HandleAsync(alpha.Lead,
                new AddTask.Request(incident.Id, new TaskInput(TaskKind.LawEnforcement, "Report the intrusion to the police", null, null, null, null, null)))).IsOk);
        Assert.Contains((await ReadAsync(options, snapshots, alpha.Viewer, incident.Id)).Tasks, t => t.Title == "Report the intrusion to the police");

        await using (var db = ComplianceDatabase.CreateContext(options))
            Assert.True((await new SetIncidentStatus(db, Clock).HandleAsync(alpha.Lead, new(incident.Id, IncidentStatus.Contained))).IsOk);
        Assert.Equal(IncidentStatus.Contained, (await ReadAsync(options, snapshots, alpha.Viewer, incident.Id)).Incident.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_kept_incident_is_still_not_found_by_another_organisation(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var snapshots = new IncidentSnapshots(Clock);
        await ReadAsync(options, snapshots, alpha.Viewer, incident.Id);
        Assert.NotNull(snapshots.Kept(incident.Id));

        foreach (var stranger in new[] { beta.Admin, beta.Lead, beta.Viewer })
        {
            await using var db = ComplianceDatabase.CreateContext(options);
            var read = await new IncidentDetailsQuery(db, snapshots, new OrganisationFrame(db), Compliance.Domain.Rules.Engine.RulesEngine.Default, Clock).ReadAsync(stranger, incident.Id, CancellationToken.None);
            Assert.Equal(OutcomeStatus.NotFound, read.Status);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_change_without_an_audit_line_is_read_within_a_minute(DatabaseProvider provider)
    {
        var (options, alpha, _) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var clock = new FixedClock(Clock.Now);
        var snapshots = new IncidentSnapshots(clock);
        await ReadAsync(options, snapshots, alpha.Viewer, incident.Id, clock);

        // Behind the app's back (no audit line): an operator's hand repair in the database.
        await using (var db = ComplianceDatabase.CreateContext(options))
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE incidents SET \"Title\" = {"Renamed by hand"} WHERE \"Id\" = {incident.Id}");
        Assert.Equal("Supporter database intrusion", (await ReadAsync(options, snapshots, alpha.Viewer, incident.Id, clock)).Incident.Title);

        clock.Advance(IncidentSnapshots.MaxAge + Duration.FromSeconds(1));
        Assert.Equal("Renamed by hand", (await ReadAsync(options, snapshots, alpha.Viewer, incident.Id, clock)).Incident.Title);
    }

    [Fact]
    public void At_most_the_capacity_is_kept_and_the_oldest_reads_go_first()
    {
        var clock = FixedClock.At("2026-03-02T09:00:00Z");
        var snapshots = new IncidentSnapshots(clock);
        var organisation = Guid.NewGuid();
        var first = Guid.NewGuid();
        snapshots.Keep(organisation, first, 1, clock.Now, Details());
        for (var i = 1; i < IncidentSnapshots.Capacity + 10; i++)
        {
            clock.Advance(Duration.FromMilliseconds(1));
            snapshots.Keep(organisation, Guid.NewGuid(), 1, clock.Now, Details());
        }
        Assert.True(snapshots.Count <= IncidentSnapshots.Capacity);
        Assert.Null(snapshots.Kept(first));
    }

    private static IncidentDetails Details() =>
        new(null!, null!, [], [], [], new Dictionary<Guid, string>(), [], new Dictionary<Guid, string>(), null, []);

    private static async Task<IncidentDetails> ReadAsync(DatabaseOptions options, IncidentSnapshots snapshots, Actor actor, Guid incidentId, IClock? clock = null)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        var read = await new IncidentDetailsQuery(db, snapshots, new OrganisationFrame(db), Compliance.Domain.Rules.Engine.RulesEngine.Default, clock ?? Clock).ReadAsync(actor, incidentId, CancellationToken.None);
        Assert.True(read.IsOk, $"read as {actor.Role}: {read.Status}");
        return read.Value!;
    }
}
