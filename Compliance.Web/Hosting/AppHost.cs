using Compliance.Jobs.Hosting;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Notices;
using Compliance.Jobs.Reminders;
using Compliance.Jobs.Scheduling;
using Compliance.Web.Health;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Threading.RateLimiting;
using Compliance.Domain.Organisations;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Workspace;
using Compliance.Domain.People;
using Compliance.Jobs.People;
using Compliance.Web.Api;
using Compliance.Web.Assets;
using Compliance.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Compliance.Web.Hosting;

/// <summary>Builds the web application; the same composition serves production, the demo and the tests.</summary>
public static class AppHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, IClock clock, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(AppHost).Assembly.GetName().Name, // finds the Razor Pages when a test hosts the app
        });
        configure?.Invoke(builder);
        var settings = AppConfiguration.From(builder.Configuration);

        if (settings.MigrateOnStart) await ComplianceDatabase.MigrateAsync(settings.Database);
        else ComplianceDatabase.PrepareStorage(settings.Database);
        settings.Audit.Seal.EnsureAvailable();

        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Database);
        // Pooled: a request no longer builds a context and its services from nothing (the context resets its
        // organisation scope when it is released, ComplianceDbContext.Dispose).
        services.AddDbContextPool<ComplianceDbContext>(o => ComplianceDatabase.Configure(o, settings.Database));
        services.AddScoped<AuditLog>();
        services.AddComplianceJobs(settings);

        services.AddSingleton(settings.KeyRing);
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<KeyRingHealthCheck>("keyRing");
        if (settings.Scheduler.Enabled) health.AddCheck<SchedulerHealthCheck>("scheduler");

        services.AddSingleton<TimeProvider>(new ClockTimeProvider(clock));
        services.TryAddScoped<OrganisationFrame>();
        services.TryAddScoped<ReaderZones>();
        services.TryAddScoped<WorkspaceContext>();
        services.AddIncidentsFeature();
        services.AddObligationsFeature();
        services.AddAuditFeature();
        services.AddDashboardFeature();
        services.AddCalendarsFeature();
        services.AddPeopleFeature();
        services.AddNoticesFeature();
        services.AddFilingsFeature();
        services.AddRiskFeature();
        services.AddTasksFeature();
        services.AddOrganisationsFeature();
        services.AddMembersFeature();
        services.AddRemindersFeature();
        services.AddWebhooksFeature();
        services.AddAccountFeature(builder.Configuration);

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
        }).AddMvcOptions(o => o.Filters.Add<WorkspaceAccessFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "compliance.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Chinese, Arabic and other scripts go out as characters, not as &#x...; entities (markup is still escaped).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<Compliance.Web.Health.DatabaseUnavailable>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentInfo>().AddDocumentTransformer<BearerSecurityScheme>().AddOperationTransformer<IdempotencyKeyParameter>()
            .AddOperationTransformer<QueryParameterDocs>().AddOperationTransformer<RequestExampleDocs>());

        var app = builder.Build();
        if (settings.KeyRing.BesideData)
            app.Logger.LogWarning("The key ring that encrypts affected people's details is in the data folder ({Folder}): one backup of that folder holds the data and its keys. Move it and set DataProtection:KeysFolder.", settings.KeyRing.Folder);
        if (!settings.KeyRing.ProtectedAtRest)
            app.Logger.LogWarning("The key ring ({Store} {Folder}) is not encrypted at rest; set DataProtection:Certificate to a .pfx that encrypts it.", settings.KeyRing.Store, settings.KeyRing.Folder);
        LearnPublicAddress(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        JobDashboard.Map(app);
        EmbeddedAssets.Map(app);
        app.MapRazorPages();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
        AssessmentEndpoint.Map(app);
        ApiEndpoints.Map(app);
        CalendarFeed.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOpenApi("/api/openapi/{documentName}.json");
        ApiReference.Map(app);
        return app;
    }

    public const string ApiPolicy = "api";
    public const string LoginRateLimit = "login";

    /// <summary>The addresses Kestrel actually bound (port 0 becomes a real port).</summary>
    /// <summary>Without <c>App:BaseUrl</c>, links in mails follow where the app really listens (known once Kestrel has bound).</summary>
    private static void LearnPublicAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<PublicAddress>();
        if (address.Configured is not null) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (address.Listening(ListeningAddresses(app)) is { } chosen)
                app.Logger.LogInformation("Links in mails point at {Address} (where the app listens); set App:BaseUrl if people reach it elsewhere.", chosen);
        });
    }

    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
