using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Tasks;

public sealed class IncidentTaskConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<IncidentTask>
{
    public void Configure(EntityTypeBuilder<IncidentTask> e)
    {
        e.ToTable("incident_tasks");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Title).HasMaxLength(IncidentTask.TitleLength);
        e.Property(x => x.Notes).HasMaxLength(IncidentTask.NotesLength);
        e.Property(x => x.NotNeededReason).HasMaxLength(IncidentTask.ReasonLength);
        e.Property(x => x.ReportReference).HasMaxLength(IncidentTask.ReferenceLength);
        e.Property(x => x.Officer).HasMaxLength(IncidentTask.OfficerLength);
        e.Ignore(x => x.IsOpen);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
        // The reminder plan reads open tasks of every organisation; the dashboard and the feed one organisation's.
        e.HasIndex(x => new { x.State, x.DueAt });
        e.HasIndex(x => new { x.OrganisationId, x.State, x.DueAt });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
