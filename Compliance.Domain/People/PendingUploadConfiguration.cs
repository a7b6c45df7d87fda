using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.People;

/// <summary>
/// Pending uploads, confined to the context's organisation scope. No key to the incident: the row lives a day at most
/// and is only ever read by its uploader for that incident; the clean-up finds expired rows by <c>SavedAt</c>.
/// </summary>
public sealed class PendingUploadConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> e)
    {
        e.ToTable("pending_uploads");
        e.HasIndex(x => x.SavedAt);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
