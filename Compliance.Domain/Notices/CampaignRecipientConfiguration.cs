using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Notices;

public sealed class CampaignRecipientConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> e)
    {
        e.ToTable("campaign_recipients");
        // The send log's key: one row per person per campaign, whatever runs.
        e.HasKey(x => new { x.CampaignId, x.PersonId });
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AffectedPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(SecondCascadePath.On(db.Database));
        e.Property(x => x.Jurisdiction).HasMaxLength(8);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.MessageId).HasMaxLength(200);
        e.Property(x => x.ServerReply).HasMaxLength(1000);
        e.Property(x => x.Template).HasMaxLength(64);
        // The sender takes queued people in key order: this index serves it without reading what was sent.
        e.HasIndex(x => new { x.CampaignId, x.State, x.PersonId });
        e.HasIndex(x => x.PersonId);
        // The daily limit counts what the organisation released in the last 24 hours.
        e.HasIndex(x => new { x.OrganisationId, x.HandedAt });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
