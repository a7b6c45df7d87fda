using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Filings;

public sealed class FilingVersionConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<FilingVersion>
{
    public void Configure(EntityTypeBuilder<FilingVersion> e)
    {
        e.ToTable("filings");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Jurisdiction).HasMaxLength(8);
        e.Property(x => x.Stage).HasMaxLength(32);
        e.Property(x => x.Layout).HasMaxLength(64);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.PdfSha256).HasMaxLength(64);
        e.Property(x => x.Narrative).HasMaxLength(200000);
        e.HasIndex(x => new { x.IncidentId, x.Jurisdiction, x.Stage, x.Version }).IsUnique();
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
