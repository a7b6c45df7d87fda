using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Scheduling;
using Compliance.Web.Assessments;
using Compliance.Web.Health;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

namespace Compliance.Web.Hosting;

/// <summary>Builds the web application; the same composition serves production, the demo and the tests.</summary>
public static class AppHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, IClock clock, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var settings = AppConfiguration.From(builder.Configuration);

        if (settings.MigrateOnStart) await ComplianceDatabase.MigrateAsync(settings.Database);
        else ComplianceDatabase.PrepareStorage(settings.Database);

        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Database);
        services.AddDbContext<ComplianceDbContext>(o => ComplianceDatabase.Configure(o, settings.Database));
        services.AddScoped<AuditLog>();
        services.AddComplianceScheduler(settings.Scheduler);

        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (settings.Scheduler.Enabled) health.AddCheck<SchedulerHealthCheck>("scheduler");

        services.AddRazorPages();
        services.AddProblemDetails();
        services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.MapRazorPages();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
        AssessmentEndpoint.Map(app);
        app.MapOpenApi("/api/openapi/{documentName}.json");
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 becomes a real port).</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
