using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Incidents;

public sealed class AffectedPopulationConfiguration : IEntityTypeConfiguration<AffectedPopulation>
{
    public void Configure(EntityTypeBuilder<AffectedPopulation> e)
    {
        e.ToTable("affected_populations");
        e.Property(x => x.Jurisdiction).HasMaxLength(8);
        e.HasIndex(x => new { x.IncidentId, x.Jurisdiction }).IsUnique();
    }
}
