using Compliance.Domain.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Audit;

/// <summary>Reading and exporting the hash-chained audit log.</summary>
public static class AuditFeature
{
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.TryAddScoped<OrganisationAudit>();
        services.TryAddScoped<IncidentAuditTrail>();
        services.TryAddScoped<ExportAudit>();
        return services;
    }
}
