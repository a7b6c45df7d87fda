using Compliance.Domain.Workspace;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Organisations;

/// <summary>The organisation's settings.</summary>
public static class OrganisationsFeature
{
    public static IServiceCollection AddOrganisationsFeature(this IServiceCollection services)
    {
        services.TryAddScoped<OrganisationSettings>();
        return services;
    }
}
