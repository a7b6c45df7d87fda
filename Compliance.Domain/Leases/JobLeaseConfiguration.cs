using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Leases;

/// <summary>The lease rows of exclusive background work (migration 20261204120000_JobLeases).</summary>
public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("job_leases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Holder).HasMaxLength(200);
    }
}
