using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Pages.Support;

/// <summary>
/// The real application on a loopback port over a fresh SQLite database holding the demo organisation, its two
/// incidents and a user per role. Shared by the tests of one class (each makes its own incidents).
/// </summary>
public sealed class PagesApp : IAsyncLifetime
{
    /// <summary>A Sunday morning in late November 2026.</summary>
    public FixedClock Clock { get; } = FixedClock.At("2026-11-22T08:00:00Z");

    public const string Admin = "admin@demo.example";
    public const string Lead = "lead@demo.example";
    public const string Legal = "legal@demo.example";
    public const string Viewer = "viewer@demo.example";
    public const string Responder = "responder@demo.example";

    public static readonly Guid HongKong2019 = Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e01");
    public static readonly Guid Canada2022 = Guid.Parse("5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e02");

    private WebApplication? app;
    private readonly Dictionary<string, FormClient> signedIn = new(StringComparer.Ordinal);

    public Uri Address { get; private set; } = null!;
    public IServiceProvider Services => app!.Services;
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();

    /// <summary>Settings added after the defaults, which they override (the command line's last value wins): a real mail server, the scheduler.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public async Task InitializeAsync()
    {
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            .. database.Arguments(),
            "--Logging:LogLevel:Default=Warning",
            "--Scheduler:Enabled=false",
            .. Arguments,
        ];
        app = await AppHost.BuildAsync(args, Clock);
        await app.StartAsync();
        Address = new Uri(AppHost.ListeningAddresses(app)[0]);

        await using var scope = Services.CreateAsyncScope();
        Passwords = await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), Clock);
    }

    /// <summary>A client signed in as this demo user, kept for the class: sign-in is rate limited per address.</summary>
    public async Task<FormClient> SignedInAsync(string email)
    {
        if (signedIn.TryGetValue(email, out var client)) return client;
        client = new FormClient(Address);
        await client.SignInAsync(email, Passwords[email]);
        signedIn[email] = client;
        return client;
    }

    /// <summary>A fresh database context for checking what a page stored, outside any organisation scope.</summary>
    public async Task<T> ReadAsync<T>(Func<ComplianceDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>());
    }

    public async Task DisposeAsync()
    {
        foreach (var client in signedIn.Values) client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
