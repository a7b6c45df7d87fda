using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeopleNotifiedAndManualContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PeopleCountedAt",
                table: "obligations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleNotified",
                table: "obligations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeoplePending",
                table: "obligations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleUnreachable",
                table: "obligations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "person_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedNotes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_contacts_affected_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "affected_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_person_contacts_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_person_contacts_IncidentId_PersonId",
                table: "person_contacts",
                columns: new[] { "IncidentId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_person_contacts_PersonId",
                table: "person_contacts",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_contacts");

            migrationBuilder.DropColumn(
                name: "PeopleCountedAt",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "PeopleNotified",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "PeoplePending",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "PeopleUnreachable",
                table: "obligations");
        }
    }
}
