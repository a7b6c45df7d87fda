using Compliance.Domain.Obligations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Obligations;

/// <summary>An incident's duties: deciding one is not required, fulfilling it with evidence, and reading them.</summary>
public static class ObligationsFeature
{
    public static IServiceCollection AddObligationsFeature(this IServiceCollection services)
    {
        services.TryAddScoped<IncidentDuties>();
        services.TryAddScoped<OpenDuties>();
        services.TryAddScoped<DutyEvidence>();
        services.TryAddScoped<DecideNotRequired>();
        services.TryAddScoped<FulfilDuty>();
        return services;
    }
}
