using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Filings;

/// <summary>Regulator filings: composing, the PDF and marking them filed.</summary>
public static class FilingsFeature
{
    public static IServiceCollection AddFilingsFeature(this IServiceCollection services)
    {
        services.TryAddScoped<FilingPreview>();
        services.TryAddScoped<FilingVersions>();
        services.TryAddScoped<GenerateFiling>();
        services.TryAddScoped<MarkFilingFiled>();
        return services;
    }
}
