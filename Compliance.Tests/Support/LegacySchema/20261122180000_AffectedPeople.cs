using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// Affected people: identifying details only in protected (encrypted) form, a keyed email lookup, safety flags.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122180000_AffectedPeople")]
public sealed class AffectedPeople : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("affected_people", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            ImportId = t.Column<Guid>(nullable: false),
            Line = t.Column<int>(nullable: false),
            Jurisdiction = t.Column<string>(maxLength: 8, nullable: false),
            Language = t.Column<string>(maxLength: 16, nullable: false),
            EmailLookup = t.Column<string>(maxLength: 64, nullable: true),
            ProtectedDetails = t.Column<string>(maxLength: 20000, nullable: false),
            DoNotEmail = t.Column<bool>(nullable: false),
            ProtectedDelegate = t.Column<string>(maxLength: 4000, nullable: true),
            ProtectedRedactions = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_affected_people", x => x.Id);
            t.ForeignKey("FK_affected_people_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_affected_people_IncidentId_EmailLookup", "affected_people", ["IncidentId", "EmailLookup"]);
        mb.CreateIndex("IX_affected_people_IncidentId_Jurisdiction_Language", "affected_people", ["IncidentId", "Jurisdiction", "Language"]);
    }

    protected override void Down(MigrationBuilder mb) => mb.DropTable("affected_people");
}
