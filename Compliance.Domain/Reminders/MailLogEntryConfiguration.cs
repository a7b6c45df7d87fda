using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Reminders;

public sealed class MailLogEntryConfiguration : IEntityTypeConfiguration<MailLogEntry>
{
    public void Configure(EntityTypeBuilder<MailLogEntry> e)
    {
        e.ToTable("mail_log");
        e.Property(x => x.Key).HasMaxLength(160);
        e.Property(x => x.Recipient).HasMaxLength(320);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.MessageId).HasMaxLength(400);
        e.Property(x => x.ServerReply).HasMaxLength(1000);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
    }
}
