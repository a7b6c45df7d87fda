using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Organisations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.ToTable("users");
        e.HasIndex(x => x.NormalizedEmail).IsUnique();
        e.Property(x => x.ProtectedAuthenticatorKey).HasMaxLength(1000);
        e.Property(x => x.RecoveryCodeHashes).HasMaxLength(2000);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Language).HasMaxLength(16);
        e.Property(x => x.CalendarFeedHash).HasMaxLength(64);
    }
}
