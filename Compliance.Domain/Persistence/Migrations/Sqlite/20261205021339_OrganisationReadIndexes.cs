using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_obligations_OrganisationId_Status_Deadline",
                table: "obligations",
                columns: new[] { "OrganisationId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_incident_tasks_OrganisationId_State_DueAt",
                table: "incident_tasks",
                columns: new[] { "OrganisationId", "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_affected_people_IncidentId_Jurisdiction_Line_Id",
                table: "affected_people",
                columns: new[] { "IncidentId", "Jurisdiction", "Line", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_obligations_OrganisationId_Status_Deadline",
                table: "obligations");

            migrationBuilder.DropIndex(
                name: "IX_incident_tasks_OrganisationId_State_DueAt",
                table: "incident_tasks");

            migrationBuilder.DropIndex(
                name: "IX_affected_people_IncidentId_Jurisdiction_Line_Id",
                table: "affected_people");
        }
    }
}
