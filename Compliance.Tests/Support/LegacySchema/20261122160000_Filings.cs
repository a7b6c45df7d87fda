using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// Stored versions of regulator filings: the PDF, its hashes and the narrative it was made from.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122160000_Filings")]
public sealed class Filings : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("filings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            ObligationId = t.Column<Guid>(nullable: true),
            Jurisdiction = t.Column<string>(maxLength: 8, nullable: false),
            Stage = t.Column<string>(maxLength: 32, nullable: false),
            Version = t.Column<int>(nullable: false),
            Layout = t.Column<string>(maxLength: 64, nullable: false),
            Language = t.Column<string>(maxLength: 16, nullable: false),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            Pdf = t.Column<byte[]>(nullable: false),
            PdfSha256 = t.Column<string>(maxLength: 64, nullable: false),
            Pages = t.Column<int>(nullable: false),
            MissingFields = t.Column<int>(nullable: false),
            Narrative = t.Column<string>(maxLength: 200000, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_filings", x => x.Id);
            t.ForeignKey("FK_filings_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_filings_IncidentId_Jurisdiction_Stage_Version", "filings", ["IncidentId", "Jurisdiction", "Stage", "Version"], unique: true);
    }

    protected override void Down(MigrationBuilder mb) => mb.DropTable("filings");
}
