using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Webhooks;

public sealed class WebhookEndpointConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> e)
    {
        e.ToTable("webhook_endpoints");
        e.HasKey(x => x.Id);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Url).HasMaxLength(WebhookEndpoint.UrlLength);
        e.Property(x => x.Description).HasMaxLength(WebhookEndpoint.DescriptionLength);
        e.Property(x => x.Events).AsDelimitedText().HasMaxLength(1000);
        e.Property(x => x.ProtectedSecret).HasMaxLength(2000);
        e.Property(x => x.CreatedBy).HasMaxLength(320);
        e.HasIndex(x => x.OrganisationId);
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}

public sealed class WebhookDeliveryConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.EventId).HasMaxLength(WebhookDelivery.EventIdLength);
        e.Property(x => x.EventType).HasMaxLength(40);
        e.Property(x => x.Payload).HasMaxLength(8000);
        e.Ignore(x => x.IsPending);
        // One event reaches an endpoint once: the time events (due soon, overdue) rely on it to be recorded once.
        e.HasIndex(x => new { x.EndpointId, x.EventId }).IsUnique();
        // The dispatcher reads what is due; the admin page reads an endpoint's latest.
        e.HasIndex(x => x.NextAttemptAt);
        e.HasIndex(x => new { x.EndpointId, x.CreatedAt });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}

public sealed class WebhookAttemptConfiguration(ComplianceDbContext db) : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e)
    {
        e.ToTable("webhook_attempts");
        e.HasKey(x => x.Id);
        e.HasOne<WebhookDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ResponseExcerpt).HasMaxLength(WebhookAttempt.ExcerptLength);
        e.Property(x => x.Error).HasMaxLength(WebhookAttempt.ErrorLength);
        e.Ignore(x => x.Succeeded);
        e.HasIndex(x => new { x.DeliveryId, x.Number });
        e.HasQueryFilter(x => EF.Constant(db.OrganisationScope == null) || x.OrganisationId == db.OrganisationScope);
    }
}
