using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

// A fixture since 2026-12-04: the hand-written migrations that built every installation before per-provider
// generated migrations, kept to build such a database in tests (LegacyDatabase).
namespace Compliance.Tests.Support.LegacySchema;

// Hand-written (the EF Design package is not available here) and provider-neutral: columns are declared with
// the converters' provider CLR types and no store type, so SQLite and PostgreSQL each map them.
// SchemaDriftTests compares what this creates with what the model would create, on both databases.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("organisations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            TimeZone = t.Column<string>(maxLength: 64, nullable: false),
            Establishments = t.Column<string>(maxLength: 1000, nullable: false),
            Attributes = t.Column<string>(maxLength: 1000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_organisations", x => x.Id));

        mb.CreateTable("users", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(maxLength: 256, nullable: false),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: false),
            DisplayName = t.Column<string>(maxLength: 256, nullable: false),
            PasswordHash = t.Column<string>(maxLength: 256, nullable: true),
            SecurityStamp = t.Column<string>(maxLength: 256, nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            ProtectedAuthenticatorKey = t.Column<string>(maxLength: 1000, nullable: true),
            AccessFailedCount = t.Column<int>(nullable: false),
            LockoutEnd = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_users", x => x.Id));

        mb.CreateTable("audit_entries", t => new
        {
            Id = Identity(t),
            OrganisationId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: true),
            At = t.Column<DateTime>(nullable: false),
            Actor = t.Column<string>(maxLength: 256, nullable: false),
            Action = t.Column<string>(maxLength: 80, nullable: false),
            Data = t.Column<string>(maxLength: 20000, nullable: false),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_audit_entries", x => x.Id);
            t.ForeignKey("FK_audit_entries_organisations_OrganisationId", x => x.OrganisationId, "organisations", "Id", onDelete: ReferentialAction.Restrict);
        });

        mb.CreateTable("incidents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Reference = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 20000, nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            OccurredFrom = t.Column<DateTime>(nullable: true),
            OccurredUntil = t.Column<DateTime>(nullable: true),
            AwareAt = t.Column<DateTime>(nullable: false),
            DeterminedAt = t.Column<DateTime>(nullable: true),
            AssessedAt = t.Column<DateTime>(nullable: true),
            LawEnforcementHoldUntil = t.Column<DateTime>(nullable: true),
            DataCategories = t.Column<string>(maxLength: 1000, nullable: false),
            Exfiltration = t.Column<string>(maxLength: 32, nullable: false),
            Encryption = t.Column<string>(maxLength: 32, nullable: false),
            Cause = t.Column<string>(maxLength: 32, nullable: false),
            RiskLevel = t.Column<string>(maxLength: 32, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_incidents", x => x.Id);
            t.ForeignKey("FK_incidents_organisations_OrganisationId", x => x.OrganisationId, "organisations", "Id", onDelete: ReferentialAction.Restrict);
        });

        mb.CreateTable("affected_populations", t => new
        {
            Id = Identity(t),
            IncidentId = t.Column<Guid>(nullable: false),
            Jurisdiction = t.Column<string>(maxLength: 8, nullable: false),
            Count = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_affected_populations", x => x.Id);
            t.ForeignKey("FK_affected_populations_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("members", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: false),
            IncidentId = t.Column<Guid>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_members", x => x.Id);
            t.ForeignKey("FK_members_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_members_organisations_OrganisationId", x => x.OrganisationId, "organisations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_members_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("obligations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            Jurisdiction = t.Column<string>(maxLength: 8, nullable: false),
            Recipient = t.Column<string>(maxLength: 32, nullable: false),
            Authority = t.Column<string>(maxLength: 256, nullable: false),
            Stage = t.Column<string>(maxLength: 32, nullable: false),
            Mandatory = t.Column<bool>(nullable: false),
            Deadline = t.Column<DateTime>(nullable: true),
            LatestDeadline = t.Column<DateTime>(nullable: true),
            Target = t.Column<DateTime>(nullable: true),
            TimeZone = t.Column<string>(maxLength: 64, nullable: false),
            RuleId = t.Column<string>(maxLength: 80, nullable: false),
            RuleVersion = t.Column<string>(maxLength: 32, nullable: false),
            Reason = t.Column<string>(maxLength: 2000, nullable: false),
            Sources = t.Column<string>(maxLength: 4000, nullable: false),
            Verification = t.Column<string>(maxLength: 1, nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            DecidedBy = t.Column<string>(maxLength: 256, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecisionReason = t.Column<string>(maxLength: 2000, nullable: true),
            FiledAt = t.Column<DateTime>(nullable: true),
            FiledBy = t.Column<string>(maxLength: 256, nullable: true),
            FilingReference = t.Column<string>(maxLength: 256, nullable: true),
            WasLate = t.Column<bool>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SupersededAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_obligations", x => x.Id);
            t.ForeignKey("FK_obligations_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateIndex("IX_affected_populations_IncidentId_Jurisdiction", "affected_populations", ["IncidentId", "Jurisdiction"], unique: true);
        mb.CreateIndex("IX_audit_entries_IncidentId", "audit_entries", "IncidentId");
        mb.CreateIndex("IX_audit_entries_OrganisationId_Sequence", "audit_entries", ["OrganisationId", "Sequence"], unique: true);
        mb.CreateIndex("IX_incidents_OrganisationId_Reference", "incidents", ["OrganisationId", "Reference"], unique: true);
        mb.CreateIndex("IX_members_IncidentId", "members", "IncidentId");
        mb.CreateIndex("IX_members_OrganisationId_UserId_IncidentId", "members", ["OrganisationId", "UserId", "IncidentId"]);
        mb.CreateIndex("IX_members_UserId", "members", "UserId");
        mb.CreateIndex("IX_obligations_IncidentId", "obligations", "IncidentId");
        mb.CreateIndex("IX_obligations_OrganisationId_IncidentId", "obligations", ["OrganisationId", "IncidentId"]);
        mb.CreateIndex("IX_obligations_Status_Deadline", "obligations", ["Status", "Deadline"]);
        mb.CreateIndex("IX_users_NormalizedEmail", "users", "NormalizedEmail", unique: true);
    }

    protected override void Down(MigrationBuilder mb)
    {
        foreach (var table in new[] { "obligations", "members", "affected_populations", "incidents", "audit_entries", "users", "organisations" })
            mb.DropTable(table);
    }

    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
