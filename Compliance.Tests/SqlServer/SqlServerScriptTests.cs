using Compliance.Domain.Audit;
using Compliance.Domain.Notices;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.SqlServer;

// No SQL Server can run where the tests run: these prove what can be proved without one. Every statement the
// application can send to SQL Server (migrations, EF's create script, hand-written SQL) parses as T-SQL.
public sealed class SqlServerScriptTests
{
    private static ComplianceDbContext Context() => MigrationContexts.Create(MigrationScript.Offline(DatabaseProvider.SqlServer));

    [Fact]
    public void The_idempotent_migration_script_is_valid_TSql()
    {
        var script = MigrationScript.Idempotent(DatabaseProvider.SqlServer);

        Assert.Contains("CREATE TABLE [campaign_recipients]", script);
        Assert.Contains("IDENTITY", script);
        TSql.AssertParses(script, "The SQL Server migration script");
    }

    [Fact]
    public void The_models_create_script_is_valid_TSql()
    {
        using var db = Context();
        TSql.AssertParses(db.Database.GenerateCreateScript(), "EF's create script under UseSqlServer");
    }

    [Fact]
    public void Recording_the_baseline_on_an_old_installation_is_valid_TSql()
    {
        using var db = Context();
        var insert = db.GetService<IHistoryRepository>().GetInsertScript(new Microsoft.EntityFrameworkCore.Migrations.HistoryRow(LegacyHistory.BaselineId(db), "10.0.15"));
        TSql.AssertParses(insert, "The baseline history insert");
    }

    public static TheoryData<int, int> ListSizes => new() { { 0, 0 }, { 1, 0 }, { 0, 2 }, { 3, 2 } };

    [Theory]
    [MemberData(nameof(ListSizes))]
    public void The_campaign_recipients_insert_is_valid_TSql(int jurisdictions, int languages) =>
        TSql.AssertParses(TSql.WithParameters(CampaignRecipientsSql.Insert(jurisdictions, languages)), "The campaign recipients insert");

    [Fact]
    public void The_send_log_statements_are_valid_TSql()
    {
        foreach (var sql in RecipientLogStatements.All) TSql.AssertParses(sql, "A send log statement");
    }

    [Fact]
    public void The_audit_head_insert_is_valid_TSql() => TSql.AssertParses(AuditAppend.CreateHead, "The audit head insert");

    [Fact]
    public void No_hand_written_statement_carries_a_boolean_literal_or_a_limit()
    {
        string[] statements = [CampaignRecipientsSql.Insert(2, 2), .. RecipientLogStatements.All, AuditAppend.CreateHead];
        foreach (var sql in statements)
        {
            Assert.DoesNotMatch(@"(?i)\b(TRUE|FALSE|LIMIT)\b", sql);
        }
    }

    [Fact]
    public void Queries_that_matter_render_as_valid_TSql()
    {
        using var db = Context();
        var campaign = Guid.NewGuid();
        var queries = new (string What, string Sql)[]
        {
            ("campaign audience", CampaignAudience.Eligible(db, Guid.NewGuid()).ToQueryString()),
            ("queued recipients in key order", db.CampaignRecipients
                .Where(r => r.CampaignId == campaign && r.State == RecipientState.Queued).OrderBy(r => r.PersonId).Take(500).ToQueryString()),
            ("campaigns with work", db.Campaigns.Where(c => c.State == CampaignState.Sending || c.State == CampaignState.AwaitingApproval)
                .OrderBy(c => c.CreatedAt).Select(c => c.Id).ToQueryString()),
            ("open duties by deadline", db.Obligations.Where(o => o.Status == Domain.Obligations.ObligationStatus.Open)
                .OrderBy(o => o.Deadline).Take(100).ToQueryString()),
        };
        foreach (var (what, sql) in queries)
        {
            // ToQueryString declares the parameters before the query: that is valid T-SQL too.
            TSql.AssertParses(sql, $"The {what} query");
        }
    }
}
