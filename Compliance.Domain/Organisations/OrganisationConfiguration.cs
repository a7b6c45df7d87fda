using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("organisations");
        e.Property(x => x.Slug).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ReminderPolicy).HasMaxLength(200);
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Establishments).AsDelimitedText().HasMaxLength(1000);
        e.Property(x => x.Attributes).AsDelimitedText().HasMaxLength(1000);
        e.Property(x => x.TaskTemplates).HasMaxLength(20000);
    }
}
