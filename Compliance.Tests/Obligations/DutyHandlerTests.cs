using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Compliance.Tests.Incidents.TwoOrganisations;

namespace Compliance.Tests.Obligations;

/// <summary>The handlers the duty pages and the API share: who may, what is refused, and what the audit log keeps.</summary>
public sealed class DutyHandlerTests
{
    private static async Task<Guid> RegulatorDutyAsync(DatabaseOptions options, Guid incidentId)
    {
        await using var db = ComplianceDatabase.CreateContext(options);
        return await db.Obligations.IgnoreQueryFilters().Where(o => o.IncidentId == incidentId && o.RuleId == "ke-dpa-s43-1a").Select(o => o.Id).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Not_required_is_decided_by_those_who_may_with_reasons_and_audited(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var duty = await RegulatorDutyAsync(options, incident.Id);
        await using var db = ComplianceDatabase.CreateContext(options);
        var decide = new DecideNotRequired(db, Clock);
        const string why = "Only encrypted backups were taken; the key was never exposed.";

        Assert.Equal(OutcomeStatus.Forbidden, (await decide.HandleAsync(alpha.Viewer, new(duty, why))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await decide.HandleAsync(beta.Admin, new(duty, why))).Status);
        var short_ = await decide.HandleAsync(alpha.Legal, new(duty, "no"));
        Assert.Equal(OutcomeStatus.Invalid, short_.Status);
        Assert.Equal(new[] { "rationale" }, short_.Errors.Keys);

        Assert.True((await decide.HandleAsync(alpha.Legal, new(duty, why))).IsOk);
        await using var after = ComplianceDatabase.CreateContext(options);
        var line = await after.AuditEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Action == "obligation.decided");
        Assert.Equal(alpha.Legal.Email, line.Actor);
        Assert.Contains("encrypted backups", line.Data);
        Assert.Equal(ObligationStatus.NotRequired, (await after.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Id == duty)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_filing_is_recorded_by_those_who_may_validated_and_audited(DatabaseProvider provider)
    {
        var (options, alpha, beta) = await CreateAsync(provider);
        var incident = await LogAsync(options, alpha.Lead);
        var duty = await RegulatorDutyAsync(options, incident.Id);
        await using var db = ComplianceDatabase.CreateContext(options);
        var fulfil = new FulfilDuty(db, RulesEngine.Default, Clock);

        Assert.Equal(OutcomeStatus.Forbidden, (await fulfil.HandleAsync(alpha.Viewer, new(duty, Clock.Now, "ODPC-2026-77", null))).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await fulfil.HandleAsync(beta.Admin, new(duty, Clock.Now, "ODPC-2026-77", null))).Status);
        Assert.Equal(new[] { "filedAt" }, (await fulfil.HandleAsync(alpha.Legal, new(duty, Clock.Now + Duration.FromDays(1), "ODPC-2026-77", null))).Errors.Keys);
        Assert.Equal(new[] { "reference" }, (await fulfil.HandleAsync(alpha.Legal, new(duty, Clock.Now, " ", null))).Errors.Keys);

        var filed = await fulfil.HandleAsync(alpha.Legal, new(duty, Clock.Now, "ODPC-2026-77", new EvidenceUpload("receipt.pdf", "application/pdf", [1, 2, 3])));
        Assert.True(filed.IsOk);
        await using var after = ComplianceDatabase.CreateContext(options);
        var line = await after.AuditEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Action == "obligation.fulfilled");
        Assert.Contains("ODPC-2026-77", line.Data);
        Assert.Contains(filed.Value!.EvidenceFileId!.Value.ToString(), line.Data);
        Assert.Equal(ObligationStatus.Done, (await after.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Id == duty)).Status);
    }
}
