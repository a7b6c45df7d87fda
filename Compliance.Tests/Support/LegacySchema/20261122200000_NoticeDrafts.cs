using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// The text of the notice to the people affected by an incident.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122200000_NoticeDrafts")]
public sealed class NoticeDrafts : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("notice_drafts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            Fields = t.Column<string>(maxLength: 100000, nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 256, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_notice_drafts", x => x.Id);
            t.ForeignKey("FK_notice_drafts_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_notice_drafts_IncidentId", "notice_drafts", "IncidentId", unique: true);
    }

    protected override void Down(MigrationBuilder mb) => mb.DropTable("notice_drafts");
}
