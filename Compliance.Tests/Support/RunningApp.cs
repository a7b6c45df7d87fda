using Compliance.Domain.Persistence;
using Compliance.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using NodaTime;

namespace Compliance.Tests.Support;

/// <summary>The real web application on a real loopback socket, against the given database.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningApp(WebApplication app, Uri address)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<RunningApp> StartAsync(DatabaseOptions database, IClock clock, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            .. database.Arguments(),
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = await AppHost.BuildAsync(args, clock);
        await app.StartAsync();
        return new RunningApp(app, new Uri(AppHost.ListeningAddresses(app)[0]));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
