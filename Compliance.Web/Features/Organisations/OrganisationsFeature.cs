using Compliance.Domain.Organisations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Organisations;

/// <summary>The organisation's settings.</summary>
public static class OrganisationsFeature
{
    public static IServiceCollection AddOrganisationsFeature(this IServiceCollection services)
    {
        services.TryAddScoped<OrganisationQuery>();
        services.TryAddScoped<UpdateOrganisation>();
        services.TryAddScoped<OrganisationOverview>();
        return services;
    }
}
