using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Notices;

public sealed class CampaignConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.ToTable("campaigns");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Jurisdictions).HasMaxLength(2000);
        e.Property(x => x.Languages).HasMaxLength(400);
        e.Property(x => x.Fields).HasMaxLength(100000);
        e.Property(x => x.TemplateHash).HasMaxLength(64);
        e.Property(x => x.StatusNote).HasMaxLength(1000);
        e.Ignore(x => x.JurisdictionList);
        e.Ignore(x => x.LanguageList);
        e.HasIndex(x => new { x.IncidentId, x.CreatedAt });
        // The sender looks for campaigns with work to do.
        e.HasIndex(x => x.State);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
