using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Persistence.KeyRing;

/// <summary>Our secrets, when the key ring is kept in the database (protected by Data Protection).</summary>
public sealed class StoredSecretConfiguration : IEntityTypeConfiguration<StoredSecret>
{
    public void Configure(EntityTypeBuilder<StoredSecret> e)
    {
        e.ToTable("stored_secrets");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.ProtectedValue).HasMaxLength(2000);
    }
}
