using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.People;

public sealed class NoticeDraftConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<NoticeDraft>
{
    public void Configure(EntityTypeBuilder<NoticeDraft> e)
    {
        e.ToTable("notice_drafts");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Fields).HasMaxLength(100000);
        e.HasIndex(x => x.IncidentId).IsUnique();
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
