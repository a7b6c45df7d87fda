using Compliance.Domain.Reminders;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// Reminder plans, the send log shared by every outgoing mail, and each organisation's reminder policy.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122140000_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<string>("ReminderPolicy", "organisations", maxLength: 200, nullable: false, defaultValue: ReminderPolicy.DefaultText);

        mb.CreateTable("reminders", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            ObligationId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 32, nullable: false),
            DueAt = t.Column<DateTime>(nullable: false),
            Label = t.Column<string>(maxLength: 200, nullable: false),
            Key = t.Column<string>(maxLength: 120, nullable: false),
            State = t.Column<string>(maxLength: 32, nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            Late = t.Column<bool>(nullable: false),
            Outcome = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_reminders", x => x.Id);
            t.ForeignKey("FK_reminders_obligations_ObligationId", x => x.ObligationId, "obligations", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("mail_log", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 160, nullable: false),
            Recipient = t.Column<string>(maxLength: 320, nullable: false),
            Subject = t.Column<string>(maxLength: 400, nullable: false),
            State = t.Column<string>(maxLength: 32, nullable: false),
            MessageId = t.Column<string>(maxLength: 400, nullable: true),
            ServerReply = t.Column<string>(maxLength: 1000, nullable: true),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_mail_log", x => x.Id));

        mb.CreateIndex("IX_mail_log_Key", "mail_log", "Key", unique: true);
        mb.CreateIndex("IX_mail_log_State_NextAttemptAt", "mail_log", ["State", "NextAttemptAt"]);
        mb.CreateIndex("IX_reminders_Key", "reminders", "Key", unique: true);
        mb.CreateIndex("IX_reminders_ObligationId", "reminders", "ObligationId");
        mb.CreateIndex("IX_reminders_OrganisationId_IncidentId", "reminders", ["OrganisationId", "IncidentId"]);
        mb.CreateIndex("IX_reminders_State_DueAt", "reminders", ["State", "DueAt"]);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("mail_log");
        mb.DropTable("reminders");
        mb.DropColumn("ReminderPolicy", "organisations");
    }
}
