using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.SqlServer
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
                type: "nvarchar(max)",
                maxLength: 32000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LawEnforcementHoldFrom",
                table: "incidents",
                type: "datetime2",
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
