using Compliance.Domain.Incidents;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Incidents;

/// <summary>Logging incidents and turning their facts into duties.</summary>
public static class IncidentsFeature
{
    public static IServiceCollection AddIncidentsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(RulesEngine.Default);
        services.TryAddScoped<IncidentAccess>();
        services.TryAddScoped<IncidentOverview>();
        services.TryAddScoped<IncidentListQuery>();
        services.TryAddScoped<IncidentDetailsQuery>();
        services.TryAddSingleton<IncidentSnapshots>();
        services.TryAddScoped<IncidentTimeline>();
        services.TryAddScoped<IncidentResources>();
        services.TryAddScoped<CreateIncident>();
        services.TryAddScoped<UpdateIncident>();
        services.TryAddScoped<SetIncidentStatus>();
        services.TryAddScoped<AddTimelineEvent>();
        return services;
    }
}
