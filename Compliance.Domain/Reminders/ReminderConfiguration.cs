using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Reminders;

public sealed class ReminderConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> e)
    {
        e.ToTable("reminders");
        e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<IncidentTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(SecondCascadePath.On(db.Database));
        e.HasIndex(x => x.TaskId);
        e.Ignore(x => x.SubjectId);
        e.Property(x => x.Key).HasMaxLength(120);
        e.Property(x => x.Label).HasMaxLength(200);
        e.Property(x => x.Outcome).HasMaxLength(1000);
        e.HasIndex(x => x.Key).IsUnique();
        // The sweep reads pending reminders by due time.
        e.HasIndex(x => new { x.State, x.DueAt });
        e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
    }
}
