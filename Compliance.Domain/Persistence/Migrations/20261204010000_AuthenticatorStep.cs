using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence.Migrations;

// The step of the last authenticator code accepted, so a code works once.
[DbContext(typeof(ComplianceDbContext))]
[Migration("20261204010000_AuthenticatorStep")]
public sealed class AuthenticatorStep : Migration
{
    protected override void Up(MigrationBuilder mb) => mb.AddColumn<long>("LastAuthenticatorStep", "users", nullable: true);

    protected override void Down(MigrationBuilder mb) => mb.DropColumn("LastAuthenticatorStep", "users");
}
