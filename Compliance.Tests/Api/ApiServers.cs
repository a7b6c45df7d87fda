using Compliance.Domain.Persistence;

namespace Compliance.Tests.Api;

/// <summary>
/// One running app per database for every API test class, started on first use: starting the app and seeding two
/// organisations costs more than all the requests the tests make.
/// </summary>
public sealed class ApiServers : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<ApiWorld>> worlds = new();
    private readonly Lock gate = new();

    public Task<ApiWorld> For(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!worlds.TryGetValue(provider, out var world)) worlds[provider] = world = ApiWorld.StartAsync(provider);
            return world;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var world in worlds.Values)
            if (world.IsCompletedSuccessfully) await world.Result.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServers>
{
    public const string Name = "API";
}
