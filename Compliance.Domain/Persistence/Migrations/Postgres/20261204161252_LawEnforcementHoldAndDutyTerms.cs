using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawEnforcementHoldAndDutyTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "obligations",
                type: "character varying(32000)",
                maxLength: 32000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LawEnforcementHoldFrom",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Terms",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "LawEnforcementHoldFrom",
                table: "incidents");
        }
    }
}
