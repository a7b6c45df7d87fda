using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Persistence.KeyRing;

/// <summary>Data Protection's keys (XML, encrypted at rest), when the key ring is kept in the database.</summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
        e.Property(x => x.FriendlyName).HasMaxLength(256);
        e.Property(x => x.Xml).HasMaxLength(20000);
    }
}
