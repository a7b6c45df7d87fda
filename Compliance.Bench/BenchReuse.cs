using System.Text.Json;
using Compliance.Domain.Persistence;

namespace Compliance.Bench;

/// <summary>
/// A seeded federation kept with <c>--keep</c> and measured again with <c>--reuse FOLDER</c>: seeding a million people
/// takes far longer than measuring them, and a change to a page is best compared on the same data. The folder holds
/// <c>bench.json</c>: the database, and what the seeder made (the lead's password and token of this throwaway database).
/// </summary>
public static class BenchReuse
{
    public const string FileName = "bench.json";

    private sealed record Saved(DatabaseProvider Provider, string ConnectionString, WebBenchSeeder.Seeded Seeded);

    public static async Task SaveAsync(BenchDatabase database, WebBenchSeeder.Seeded seeded) =>
        await File.WriteAllTextAsync(Path.Combine(database.Folder, FileName),
            JsonSerializer.Serialize(new Saved(database.Provider, database.ConnectionString, seeded)));

    /// <summary>The kept database and its seed, or an error in one sentence.</summary>
    public static (BenchDatabase? Database, WebBenchSeeder.Seeded? Seeded, string? Error) Open(string folder)
    {
        var path = Path.Combine(Path.GetFullPath(folder), FileName);
        if (!File.Exists(path)) return (null, null, $"{folder} holds no {FileName}: keep a seeded run with --keep first.");
        try
        {
            var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(path));
            return saved is null ? (null, null, $"{path} is empty.")
                : (BenchDatabase.Reopen(saved.Provider, saved.ConnectionString, Path.GetDirectoryName(path)!), saved.Seeded, null);
        }
        catch (JsonException e)
        {
            return (null, null, $"{path} cannot be read: {e.Message}");
        }
    }
}
