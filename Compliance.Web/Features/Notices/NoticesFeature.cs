using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Notices;

/// <summary>Notices to affected people: drafts, previews and campaigns.</summary>
public static class NoticesFeature
{
    public static IServiceCollection AddNoticesFeature(this IServiceCollection services)
    {
        services.TryAddScoped<NoticePreviews>();
        services.TryAddScoped<Campaigns>();
        return services;
    }
}
