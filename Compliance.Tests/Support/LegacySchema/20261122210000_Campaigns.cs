using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Tests.Support.LegacySchema;

// Notice campaigns, approved by a second person, and their recipients: the send log, one row per person.
[DbContext(typeof(LegacyMigrationContext))]
[Migration("20261122210000_Campaigns")]
public sealed class Campaigns : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("campaigns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            IncidentId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Jurisdictions = t.Column<string>(maxLength: 2000, nullable: false),
            Languages = t.Column<string>(maxLength: 400, nullable: false),
            Fields = t.Column<string>(maxLength: 100000, nullable: false),
            TemplateHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ApprovedBy = t.Column<string>(maxLength: 256, nullable: true),
            ApprovedAt = t.Column<DateTime>(nullable: true),
            CancelledBy = t.Column<string>(maxLength: 256, nullable: true),
            State = t.Column<string>(maxLength: 32, nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            ResumeAt = t.Column<DateTime>(nullable: true),
            StatusNote = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_campaigns", x => x.Id);
            t.ForeignKey("FK_campaigns_incidents_IncidentId", x => x.IncidentId, "incidents", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_campaigns_IncidentId_CreatedAt", "campaigns", ["IncidentId", "CreatedAt"]);
        mb.CreateIndex("IX_campaigns_State", "campaigns", "State");

        mb.CreateTable("campaign_recipients", t => new
        {
            OrganisationId = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Jurisdiction = t.Column<string>(maxLength: 8, nullable: false),
            Language = t.Column<string>(maxLength: 16, nullable: false),
            MessageId = t.Column<string>(maxLength: 200, nullable: true),
            State = t.Column<string>(maxLength: 32, nullable: false),
            ServerReply = t.Column<string>(maxLength: 1000, nullable: true),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: true),
            HandedAt = t.Column<DateTime>(nullable: true),
            SentAt = t.Column<DateTime>(nullable: true),
            Confirmed = t.Column<bool>(nullable: false),
            Template = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_campaign_recipients", x => new { x.CampaignId, x.PersonId });
            t.ForeignKey("FK_campaign_recipients_campaigns_CampaignId", x => x.CampaignId, "campaigns", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_campaign_recipients_affected_people_PersonId", x => x.PersonId, "affected_people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_campaign_recipients_CampaignId_State_PersonId", "campaign_recipients", ["CampaignId", "State", "PersonId"]);
        mb.CreateIndex("IX_campaign_recipients_PersonId", "campaign_recipients", "PersonId");
        mb.CreateIndex("IX_campaign_recipients_OrganisationId_HandedAt", "campaign_recipients", ["OrganisationId", "HandedAt"]);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("campaign_recipients");
        mb.DropTable("campaigns");
    }
}
