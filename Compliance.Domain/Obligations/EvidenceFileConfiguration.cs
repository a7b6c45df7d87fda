using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Obligations;

public sealed class EvidenceFileConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.ToTable("evidence_files");
        e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(SecondCascadePath.On(db.Database));
        e.HasIndex(x => x.TaskId);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentType).HasMaxLength(127);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.ObligationId);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
