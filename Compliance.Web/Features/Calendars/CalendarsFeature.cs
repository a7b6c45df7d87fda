using Compliance.Domain.Obligations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Calendars;

/// <summary>The secret calendar feed of open deadlines.</summary>
public static class CalendarsFeature
{
    public static IServiceCollection AddCalendarsFeature(this IServiceCollection services)
    {
        services.TryAddScoped<CalendarSubscribers>();
        services.TryAddScoped<OpenDuties>();
        return services;
    }
}
