using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskAndPersonVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "incident_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "affected_people",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "incident_tasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "affected_people");
        }
    }
}
