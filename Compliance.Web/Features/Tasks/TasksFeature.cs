using Compliance.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.Tasks;

/// <summary>Tasks beyond the law (police, board, donors...) and the organisation's template.</summary>
public static class TasksFeature
{
    public static IServiceCollection AddTasksFeature(this IServiceCollection services)
    {
        services.TryAddScoped<IncidentTaskQuery>();
        services.TryAddScoped<OpenTasks>();
        services.TryAddScoped<TaskOwners>();
        services.TryAddScoped<TaskPageReads>();
        services.TryAddScoped<AddTask>();
        services.TryAddScoped<EditTask>();
        services.TryAddScoped<ChangeTaskState>();
        services.TryAddScoped<ChangeTask>();
        services.TryAddScoped<SaveTaskTemplates>();
        return services;
    }
}
