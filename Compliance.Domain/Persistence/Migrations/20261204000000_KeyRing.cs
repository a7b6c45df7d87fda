using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence.Migrations;

// The key ring in the database (DataProtection:KeyStore=Database): Data Protection's keys and the secrets they protect.
[DbContext(typeof(ComplianceDbContext))]
[Migration("20261204000000_KeyRing")]
public sealed class KeyRing : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("data_protection_keys", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            FriendlyName = t.Column<string>(maxLength: 256, nullable: true),
            Xml = t.Column<string>(maxLength: 20000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_data_protection_keys", x => x.Id));
        mb.CreateTable("stored_secrets", t => new
        {
            Name = t.Column<string>(maxLength: 64, nullable: false),
            ProtectedValue = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_stored_secrets", x => x.Name));
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("stored_secrets");
        mb.DropTable("data_protection_keys");
    }
}
