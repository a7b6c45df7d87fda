using Compliance.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Tasks;

/// <summary>Tasks beyond the law (police, board, donors...) and the organisation's template.</summary>
public static class TasksFeature
{
    public static IServiceCollection AddTasksFeature(this IServiceCollection services)
    {
        services.TryAddScoped<IncidentTasks>();
        return services;
    }
}
