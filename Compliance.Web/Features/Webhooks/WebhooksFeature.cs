using Compliance.Domain.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Webhooks;

/// <summary>An organisation's webhook endpoints, their deliveries and replays (admins only).</summary>
public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooksFeature(this IServiceCollection services)
    {
        services.TryAddScoped<WebhookReads>();
        services.TryAddScoped<AddWebhookEndpoint>();
        services.TryAddScoped<ChangeWebhookEndpoint>();
        services.TryAddScoped<RemoveWebhookEndpoint>();
        services.TryAddScoped<RotateWebhookSecret>();
        services.TryAddScoped<ReplayWebhookDelivery>();
        services.TryAddScoped<ReplayAndSend>();
        services.TryAddScoped<WebhookPageCommands>();
        return services;
    }
}
