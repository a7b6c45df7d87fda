using Compliance.Domain.Obligations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Dashboard;

/// <summary>The dashboard of open duties across incidents.</summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.TryAddScoped<OpenDuties>();
        return services;
    }
}
