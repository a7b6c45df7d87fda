using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Audit;

/// <summary>No foreign key: the head outlives a deleted organisation, as evidence that it had a log.</summary>
public sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> e)
    {
        e.ToTable("audit_heads");
        e.HasKey(x => x.OrganisationId);
        e.Property(x => x.OrganisationId).ValueGeneratedNever();
        e.Property(x => x.LastHash).HasMaxLength(64);
    }
}
