using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Compliance.Tests.Incidents.TwoOrganisations;

namespace Compliance.Tests.Audit;

/// <summary>The one audit export behind the incident audit page, the API's CSV and <c>audit export</c>.</summary>
public sealed class ExportAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_export_is_for_those_who_may_and_is_itself_audited(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        await using var db = ComplianceDatabase.CreateContext(options);
        var export = new ExportAudit(db, Clock);

        Assert.Equal(OutcomeStatus.Forbidden, (await export.HandleAsync(alpha.Viewer, new(incident.Id))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await export.HandleAsync(beta.Admin, new(incident.Id))).Status);
        var unknown = await export.HandleAsync(alpha.Admin, new(null, "INC-1999-001"));
        Assert.Equal(OutcomeStatus.Invalid, unknown.Status);
        Assert.Equal(new[] { "incident" }, unknown.Errors.Keys);

        var exported = await export.HandleAsync(alpha.Legal, new(null, incident.Reference));
        Assert.True(exported.IsOk);
        Assert.Equal(incident.Id, exported.Value!.Incident!.Id);
        Assert.Contains(exported.Value.Entries, e => e.Action == "incident.created");
        Assert.All(exported.Value.Entries, e => Assert.Equal(incident.Id, e.IncidentId));

        await using var after = ComplianceDatabase.CreateContext(options);
        var line = await after.AuditEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Action == "audit.exported");
        Assert.Equal(alpha.Legal.Email, line.Actor);
        Assert.Contains($"\"entries\":{exported.Value.Entries.Count}", line.Data);
    }
}
