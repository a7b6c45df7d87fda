using Compliance.Domain.People;
using Compliance.Domain.Persistence;
using Compliance.Jobs.People;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;
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
        services.TryAddSingleton(sp => new PeopleUploads(sp.GetRequiredService<IDataProtectionProvider>(),
            () => ComplianceDatabase.CreateContext(sp.GetRequiredService<DatabaseOptions>()), sp.GetRequiredService<UploadFolder>(), sp.GetRequiredService<IClock>()));
        return services;
    }
}
