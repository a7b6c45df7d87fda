using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Domain.Persistence.KeyRing;

/// <summary>The tables of a key ring kept in the database: Data Protection's keys (XML, encrypted at rest) and our secrets.</summary>
internal static class KeyRingModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(256);
            e.Property(x => x.Xml).HasMaxLength(20000);
        });
        m.Entity<StoredSecret>(e =>
        {
            e.ToTable("stored_secrets");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.ProtectedValue).HasMaxLength(2000);
        });
    }
}
