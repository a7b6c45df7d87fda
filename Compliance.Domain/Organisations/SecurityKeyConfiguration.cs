using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Organisations;

public sealed class SecurityKeyConfiguration : IEntityTypeConfiguration<SecurityKey>
{
    public void Configure(EntityTypeBuilder<SecurityKey> e)
    {
        e.ToTable("security_keys");
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // WebAuthn allows credential ids of up to 1,023 bytes; real ones are 16 to 64.
        e.Property(x => x.CredentialId).HasMaxLength(1023);
        e.Property(x => x.PublicKey).HasMaxLength(2048);
        e.Property(x => x.Transports).HasMaxLength(100);
        e.Property(x => x.Nickname).HasMaxLength(SecurityKey.NicknameLength);
        e.HasIndex(x => x.CredentialId).IsUnique();
        e.HasIndex(x => x.UserId);
    }
}
