using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.People;

public sealed class PersonContactConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<PersonContact>
{
    public void Configure(EntityTypeBuilder<PersonContact> e)
    {
        e.ToTable("person_contacts");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AffectedPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(SecondCascadePath.On(db.Database));
        e.Property(x => x.Zone).HasMaxLength(64);
        e.Property(x => x.ProtectedNotes).HasMaxLength(8000);
        e.HasIndex(x => new { x.IncidentId, x.PersonId });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
