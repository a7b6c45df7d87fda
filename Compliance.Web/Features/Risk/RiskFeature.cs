using Compliance.Domain.Risk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Risk;

/// <summary>The guided risk assessment.</summary>
public static class RiskFeature
{
    public static IServiceCollection AddRiskFeature(this IServiceCollection services)
    {
        services.TryAddScoped<RiskAssessmentQuery>();
        services.TryAddScoped<ConfirmRiskAssessment>();
        return services;
    }
}
