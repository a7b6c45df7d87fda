using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Idempotency;

public sealed class IdempotentRequestConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> e)
    {
        e.ToTable("idempotent_requests");
        e.HasKey(x => x.Id);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Key).HasMaxLength(IdempotentRequest.KeyLength);
        e.Property(x => x.Method).HasMaxLength(10);
        e.Property(x => x.Path).HasMaxLength(IdempotentRequest.PathLength);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(200);
        e.Property(x => x.Location).HasMaxLength(IdempotentRequest.PathLength);
        e.Ignore(x => x.IsComplete);
        // The claim: two requests with one key race on this index, and one of them loses.
        e.HasIndex(x => new { x.OrganisationId, x.Key }).IsUnique();
        // Keys are forgotten after a day (IdempotencyWindow); the purge reads by age.
        e.HasIndex(x => x.CreatedAt);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
