using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Audit;

public sealed class AuditEntryConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
        // An incident's lines, and among them those of some actions: the incident page explains replaced duties with
        // two actions' lines, while the incident's log also holds a line for every reading of its people (tens of
        // thousands on a busy incident). Leading with IncidentId, it serves the incident's whole log as well.
        e.HasIndex(x => new { x.IncidentId, x.Action });
        e.Property(x => x.Action).HasMaxLength(80);
        e.Property(x => x.Data).HasMaxLength(20000);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Ignore(x => x.DraftOrder);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
