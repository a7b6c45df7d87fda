using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Incidents;

public sealed class TimelineEventConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> e)
    {
        e.ToTable("timeline_events");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.HasIndex(x => new { x.IncidentId, x.At });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
