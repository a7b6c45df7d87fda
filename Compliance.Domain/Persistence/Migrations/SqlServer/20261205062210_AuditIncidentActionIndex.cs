using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditIncidentActionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_IncidentId",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_IncidentId_Action",
                table: "audit_entries",
                columns: new[] { "IncidentId", "Action" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_IncidentId_Action",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_IncidentId",
                table: "audit_entries",
                column: "IncidentId");
        }
    }
}
