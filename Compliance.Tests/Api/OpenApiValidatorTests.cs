using System.Diagnostics;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Architecture;

namespace Compliance.Tests.Api;

/// <summary>
/// The OpenAPI document passes a validator we did not write (@apidevtools/swagger-parser, tools/openapi-check, whose
/// packages ./test.sh installs), and every operation says what it answers when it goes wrong.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiValidatorTests(ApiServers servers)
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_1_under_swagger_parser()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await world.App.Client.GetStringAsync("/api/openapi/v1.json"));
        try
        {
            var tool = Path.Combine(SourceTree.Root.FullName, "tools", "openapi-check");
            Assert.True(Directory.Exists(Path.Combine(tool, "node_modules")), "run npm ci in tools/openapi-check (./test.sh does)");
            var start = new ProcessStartInfo("node", [Path.Combine(tool, "check.mjs"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = tool,
            };
            using var node = Process.Start(start)!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var errors = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();

            Assert.True(node.ExitCode == 0, errors);
            Assert.StartsWith("valid OpenAPI 3.1", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_under_the_API_names_its_errors_and_its_security()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var document = JsonDocument.Parse(await world.App.Client.GetStringAsync("/api/openapi/v1.json")).RootElement;
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        foreach (var operation in path.Value.EnumerateObject())
        {
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            var responses = operation.Value.GetProperty("responses");
            if (!operation.Value.TryGetProperty("summary", out _)) missing.Add($"{name}: summary");
            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2'))) missing.Add($"{name}: a 2xx answer");
            if (path.Name == "/api/v1/assessments") continue; // needs no token: it stores nothing
            if (!responses.TryGetProperty("401", out _)) missing.Add($"{name}: 401");
            if (!operation.Value.TryGetProperty("security", out _)) missing.Add($"{name}: security");
            if (path.Name.Contains('{') && !responses.TryGetProperty("404", out _)) missing.Add($"{name}: 404");
        }
        Assert.Empty(missing);
    }
}
