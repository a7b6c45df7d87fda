using Compliance.Domain.Obligations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Dashboard;

/// <summary>The dashboard of open duties and open tasks across incidents.</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.TryAddScoped<OpenDuties>();
        services.TryAddSingleton<DashboardSnapshots>();
        services.TryAddScoped<DashboardQuery>();
        return services;
    }
}
