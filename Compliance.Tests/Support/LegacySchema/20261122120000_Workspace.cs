using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// The incident workspace: organisation slugs and mandatory 2FA, account recovery, per-user zone and calendar feed,
// risk rationale and clock zone, estimated counts, timeline events, evidence files and API tokens.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122120000_Workspace")]
public sealed class Workspace : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<string>("Slug", "organisations", maxLength: 64, nullable: false, defaultValue: "");
        mb.AddColumn<bool>("RequireTwoFactor", "organisations", nullable: false, defaultValue: false);
        // Existing organisations get their id as slug, so the unique index can be built; admins can rename them.
        mb.Sql(ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? "UPDATE organisations SET \"Slug\" = \"Id\"::text WHERE \"Slug\" = ''"
            : "UPDATE organisations SET \"Slug\" = lower(\"Id\") WHERE \"Slug\" = ''");

        mb.AddColumn<string>("RecoveryCodeHashes", "users", maxLength: 2000, nullable: true);
        mb.AddColumn<bool>("LockoutEnabled", "users", nullable: false, defaultValue: true);
        mb.AddColumn<string>("TimeZone", "users", maxLength: 64, nullable: true);
        mb.AddColumn<string>("CalendarFeedHash", "users", maxLength: 64, nullable: true);

        mb.AddColumn<string>("RiskRationale", "incidents", maxLength: 4000, nullable: false, defaultValue: "");
        mb.AddColumn<string>("ClockZone", "incidents", maxLength: 64, nullable: false, defaultValue: "UTC");
        mb.AddColumn<bool>("Estimated", "affected_populations", nullable: false, defaultValue: false);
        mb.AddColumn<Guid>("EvidenceFileId", "obligations", nullable: true);

        mb.CreateTable("timeline_events", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 256, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_timeline_events", x => x.Id);
            t.ForeignKey("FK_timeline_events_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("evidence_files", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ObligationId = t.Column<Guid>(nullable: false),
            FileName = t.Column<string>(maxLength: 255, nullable: false),
            ContentType = t.Column<string>(maxLength: 127, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            UploadedBy = t.Column<string>(maxLength: 256, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_evidence_files", x => x.Id);
            t.ForeignKey("FK_evidence_files_obligations_ObligationId", x => x.ObligationId, "obligations", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("api_tokens", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_api_tokens", x => x.Id);
            t.ForeignKey("FK_api_tokens_organisations_OrganisationId", x => x.OrganisationId, "organisations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_api_tokens_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateIndex("IX_organisations_Slug", "organisations", "Slug", unique: true);
        mb.CreateIndex("IX_api_tokens_Hash", "api_tokens", "Hash", unique: true);
        mb.CreateIndex("IX_api_tokens_OrganisationId", "api_tokens", "OrganisationId");
        mb.CreateIndex("IX_api_tokens_UserId", "api_tokens", "UserId");
        mb.CreateIndex("IX_evidence_files_ObligationId", "evidence_files", "ObligationId");
        mb.CreateIndex("IX_timeline_events_IncidentId_At", "timeline_events", ["IncidentId", "At"]);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("api_tokens");
        mb.DropTable("evidence_files");
        mb.DropTable("timeline_events");
        mb.DropIndex("IX_organisations_Slug", "organisations");
        foreach (var (column, table) in new[] { ("Slug", "organisations"), ("RequireTwoFactor", "organisations"), ("RecoveryCodeHashes", "users"),
                     ("LockoutEnabled", "users"), ("TimeZone", "users"), ("CalendarFeedHash", "users"), ("RiskRationale", "incidents"),
                     ("ClockZone", "incidents"), ("Estimated", "affected_populations"), ("EvidenceFileId", "obligations") })
            mb.DropColumn(column, table);
    }
}
