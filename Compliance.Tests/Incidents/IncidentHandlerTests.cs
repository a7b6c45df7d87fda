using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Compliance.Tests.Incidents.TwoOrganisations;

namespace Compliance.Tests.Incidents;

/// <summary>The handlers the incident page and the API share: who may, what is refused, and what the audit log keeps.</summary>
public sealed class IncidentHandlerTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_timeline_event_is_refused_to_a_viewer_hidden_from_another_organisation_and_audited(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        await using var db = ComplianceDatabase.CreateContext(options);
        var add = new AddTimelineEvent(db, Clock);

        Assert.Equal(OutcomeStatus.Forbidden, (await add.HandleAsync(alpha.Viewer, new(incident.Id, Clock.Now, "Saw it."))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await add.HandleAsync(beta.Admin, new(incident.Id, Clock.Now, "Saw it."))).Status);
        var blank = await add.HandleAsync(alpha.Legal, new(incident.Id, Clock.Now, "  "));
        Assert.Equal(OutcomeStatus.Invalid, blank.Status);
        Assert.Equal(new[] { "description" }, blank.Errors.Keys);

        var added = await add.HandleAsync(alpha.Legal, new(incident.Id, Clock.Now, "Found the web shell on the CRM server."));
        Assert.True(added.IsOk);
        await using var after = ComplianceDatabase.CreateContext(options);
        var line = await after.AuditEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Action == "timeline.added");
        Assert.Equal(alpha.Legal.Email, line.Actor);
        Assert.Contains("web shell", line.Data);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task New_facts_and_a_refused_close_are_saved_together_or_not_at_all(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var renamed = Input(KenyaBreach.Replace("Supporter database intrusion", "CRM intrusion"));

        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            var update = new UpdateIncident(db, RulesEngine.Default, Clock);
            Assert.Equal(OutcomeStatus.Forbidden, (await update.HandleAsync(alpha.Legal, new(incident.Id, renamed, null))).Status);
            Assert.Equal(OutcomeStatus.NotFound, (await update.HandleAsync(beta.Admin, new(incident.Id, renamed, null))).Status);
            // Kenya's regulator is still waiting: closing is refused, and the new title goes with it.
            var refused = await update.HandleAsync(alpha.Lead, new(incident.Id, renamed, null, IncidentStatus.Closed));
            Assert.Equal(OutcomeStatus.Invalid, refused.Status);
            Assert.Equal(new[] { "status" }, refused.Errors.Keys);
        }
        await using (var db = ComplianceDatabase.CreateContext(options))
        {
            Assert.Equal("Supporter database intrusion", (await db.Incidents.SingleAsync(i => i.Id == incident.Id)).Title);
            Assert.DoesNotContain(await db.AuditEntries.Where(e => e.IncidentId == incident.Id).Select(e => e.Action).ToListAsync(), a => a == "incident.updated");

            var contained = await new UpdateIncident(db, RulesEngine.Default, Clock).HandleAsync(alpha.Lead, new(incident.Id, renamed, 0, IncidentStatus.Contained));
            Assert.True(contained.IsOk);
            Assert.Equal(2, contained.Value!.Version);
        }
        await using var after = ComplianceDatabase.CreateContext(options);
        var actions = await after.AuditEntries.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(new[] { "incident.updated", "incident.status-changed" }, actions.Where(a => a.StartsWith("incident.", StringComparison.Ordinal) && a != "incident.created"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Setting_the_status_is_for_those_who_edit_and_is_audited(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        await using var db = ComplianceDatabase.CreateContext(options);
        var set = new SetIncidentStatus(db, Clock);

        Assert.Equal(OutcomeStatus.Forbidden, (await set.HandleAsync(alpha.Viewer, new(incident.Id, IncidentStatus.Contained))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await set.HandleAsync(beta.Admin, new(incident.Id, IncidentStatus.Contained))).Status);
        Assert.Equal(OutcomeStatus.Invalid, (await set.HandleAsync(alpha.Lead, new(incident.Id, IncidentStatus.Closed))).Status);
        Assert.True((await set.HandleAsync(alpha.Lead, new(incident.Id, IncidentStatus.Contained))).IsOk);

        await using var after = ComplianceDatabase.CreateContext(options);
        var line = await after.AuditEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Action == "incident.status-changed");
        Assert.Contains("\"after\":\"contained\"", line.Data);
    }
}
