using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence.Migrations;

// The language of the mails each person receives.
[DbContext(typeof(ComplianceDbContext))]
[Migration("20261122190000_UserLanguage")]
public sealed class UserLanguage : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.AddColumn<string>("Language", "users", maxLength: 16, nullable: false, defaultValue: "en");

    protected override void Down(MigrationBuilder mb) => mb.DropColumn("Language", "users");
}
