using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// The language of the mails each person receives.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122190000_UserLanguage")]
public sealed class UserLanguage : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.AddColumn<string>("Language", "users", maxLength: 16, nullable: false, defaultValue: "en");

    protected override void Down(MigrationBuilder mb) => mb.DropColumn("Language", "users");
}
