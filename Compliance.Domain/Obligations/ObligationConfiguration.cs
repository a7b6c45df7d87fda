using Compliance.Domain.Incidents;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Obligations;

public sealed class ObligationConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> e)
    {
        e.ToTable("obligations");
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Jurisdiction).HasMaxLength(8);
        e.Property(x => x.Stage).HasMaxLength(32);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.RuleId).HasMaxLength(80);
        e.Property(x => x.RuleVersion).HasMaxLength(32);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Verification).HasMaxLength(1);
        e.Property(x => x.DecisionReason).HasMaxLength(2000);
        e.Property(x => x.Sources).AsDelimitedText().HasMaxLength(4000);
        e.Property(x => x.Terms).HasMaxLength(32000);
        e.Ignore(x => x.TermsSnapshot);
        // The sweep for reminders and escalation reads open duties by deadline.
        e.HasIndex(x => new { x.Status, x.Deadline });
        e.HasIndex(x => new { x.OrganisationId, x.IncidentId });
        // The dashboard, the calendar feed and the API list read one organisation's open duties, soonest first.
        e.HasIndex(x => new { x.OrganisationId, x.Status, x.Deadline });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
