using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Compliance.Domain.Incidents;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;

namespace Compliance.Domain.Risk;

/// <summary>One assessment row per incident.</summary>
public sealed class RiskAssessmentConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> e)
    {
        e.ToTable("risk_assessments");
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.IncidentId).IsUnique();
        e.Property(x => x.AnswersJson).HasMaxLength(2000);
        e.Property(x => x.ReasonsJson).HasMaxLength(16000);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.ConfirmedBy).HasMaxLength(256);
        e.Ignore(x => x.Answers);
        e.Ignore(x => x.Reasons);
        e.Ignore(x => x.Overridden);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
