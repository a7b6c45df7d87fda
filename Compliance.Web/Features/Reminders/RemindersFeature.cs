using Compliance.Domain.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Reminders;

/// <summary>The Jobs page: the organisation's mail and reminders, and a retry of what failed.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.TryAddScoped<MailActivity>();
        services.TryAddScoped<RetryMail>();
        return services;
    }
}
