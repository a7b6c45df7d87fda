using Compliance.Domain.People;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compliance.Web.Features.People;

/// <summary>Lists of affected people: import, flags and manual contacts.</summary>
public static class PeopleFeature
{
    public static IServiceCollection AddPeopleFeature(this IServiceCollection services)
    {
        services.TryAddScoped<ImportPeople>();
        services.TryAddScoped<PeopleRegister>();
        services.TryAddScoped<SetPersonFlags>();
        services.TryAddScoped<UpdateCountsFromList>();
        services.TryAddScoped<ContactReadAccess>();
        services.TryAddScoped<ContactWorklist>();
        services.TryAddScoped<RecordedContacts>();
        services.TryAddScoped<RecordContact>();
        services.TryAddSingleton<PeopleUploads>();
        return services;
    }
}
