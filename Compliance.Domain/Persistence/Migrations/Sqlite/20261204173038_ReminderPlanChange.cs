using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderPlanChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReminderPlanChange",
                table: "organisations",
                type: "TEXT",
                nullable: true);

            // Every organisation is re-planned once by the first sweep after the upgrade; from then on, only those changed.
            migrationBuilder.Sql(@"UPDATE organisations SET ""ReminderPlanChange"" = '00000000-0000-0000-0000-000000000001';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderPlanChange",
                table: "organisations");
        }
    }
}
