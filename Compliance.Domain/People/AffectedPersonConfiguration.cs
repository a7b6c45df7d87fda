using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.People;

public sealed class AffectedPersonConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<AffectedPerson>
{
    public void Configure(EntityTypeBuilder<AffectedPerson> e)
    {
        e.ToTable("affected_people");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Jurisdiction).HasMaxLength(8);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.EmailLookup).HasMaxLength(64);
        e.Property(x => x.ProtectedDetails).HasMaxLength(20000);
        e.Property(x => x.ProtectedDelegate).HasMaxLength(4000);
        e.Property(x => x.ProtectedRedactions).HasMaxLength(4000);
        e.HasIndex(x => new { x.IncidentId, x.EmailLookup });
        e.HasIndex(x => new { x.IncidentId, x.Jurisdiction, x.Language });
        // The people page and the API list read an incident's people in this order, a page at a time.
        e.HasIndex(x => new { x.IncidentId, x.Jurisdiction, x.Line, x.Id });
        e.Ignore(x => x.NeedsManualContact);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
