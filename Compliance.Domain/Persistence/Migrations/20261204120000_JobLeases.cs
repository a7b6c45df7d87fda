using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Domain.Persistence.Migrations;

// Leases on exclusive background work (one campaign sender at a time, across servers), and the instance operator
// flag on accounts (the only people who may open the job dashboard, which shows every organisation's jobs).
[DbContext(typeof(ComplianceDbContext))]
[Migration("20261204120000_JobLeases")]
public sealed class JobLeases : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("job_leases", t => new
        {
            Name = t.Column<string>(maxLength: 120, nullable: false),
            Holder = t.Column<string>(maxLength: 200, nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            RenewedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_job_leases", x => x.Name));
        mb.AddColumn<bool>("InstanceOperator", "users", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropColumn("InstanceOperator", "users");
        mb.DropTable("job_leases");
    }
}
