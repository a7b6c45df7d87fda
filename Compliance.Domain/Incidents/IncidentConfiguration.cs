using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Incidents;

/// <summary>Incidents, confined to the context's organisation scope (<see cref="ComplianceDbContext.OrganisationScope"/>).</summary>
public sealed class IncidentConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("incidents");
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.Reference }).IsUnique();
        e.Property(x => x.Reference).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(20000);
        e.Property(x => x.RiskRationale).HasMaxLength(4000);
        e.Property(x => x.ClockZone).HasMaxLength(64);
        e.Ignore(x => x.LawEnforcementHold);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.DataCategories)
            .HasConversion(new DelimitedListConverter<DataCategory>(KebabCase<DataCategory>.ToId, KebabCase<DataCategory>.Parse), new ListComparer<DataCategory>())
            .HasMaxLength(1000);
        e.HasMany(x => x.Affected).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.TotalAffected);
    }
}
