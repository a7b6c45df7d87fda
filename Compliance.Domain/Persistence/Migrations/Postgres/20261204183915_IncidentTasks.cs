using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ObligationId",
                table: "reminders",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "TaskId",
                table: "reminders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaskTemplates",
                table: "organisations",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ObligationId",
                table: "evidence_files",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "TaskId",
                table: "evidence_files",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incident_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NotNeededReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incident_tasks_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_TaskId",
                table: "reminders",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_files_TaskId",
                table: "evidence_files",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_incident_tasks_IncidentId",
                table: "incident_tasks",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_incident_tasks_OrganisationId_IncidentId",
                table: "incident_tasks",
                columns: new[] { "OrganisationId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_incident_tasks_State_DueAt",
                table: "incident_tasks",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_evidence_files_incident_tasks_TaskId",
                table: "evidence_files",
                column: "TaskId",
                principalTable: "incident_tasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_reminders_incident_tasks_TaskId",
                table: "reminders",
                column: "TaskId",
                principalTable: "incident_tasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_evidence_files_incident_tasks_TaskId",
                table: "evidence_files");

            migrationBuilder.DropForeignKey(
                name: "FK_reminders_incident_tasks_TaskId",
                table: "reminders");

            migrationBuilder.DropTable(
                name: "incident_tasks");

            migrationBuilder.DropIndex(
                name: "IX_reminders_TaskId",
                table: "reminders");

            migrationBuilder.DropIndex(
                name: "IX_evidence_files_TaskId",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "TaskId",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "TaskTemplates",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TaskId",
                table: "evidence_files");

            migrationBuilder.AlterColumn<Guid>(
                name: "ObligationId",
                table: "reminders",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ObligationId",
                table: "evidence_files",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
