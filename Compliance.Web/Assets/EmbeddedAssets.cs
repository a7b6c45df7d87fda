using System.Security.Cryptography;

namespace Compliance.Web.Assets;

/// <summary>
/// The stylesheet and script, embedded in the assembly and served from /assets/: the same files in tests, in
/// `dotnet run` and in a published build, with no inline code for the CSP to allow.
/// </summary>
public static class EmbeddedAssets
{
    private static readonly Dictionary<string, (byte[] Body, string Type, string ETag)> Files = Load();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext http) => Serve(name, http)).AllowAnonymous().ExcludeFromDescription();
        // Browsers ask for /favicon.ico on every site, whatever the page links to.
        app.MapGet("/favicon.ico", (HttpContext http) => Serve("favicon.ico", http)).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(string name, HttpContext http)
    {
        if (!Files.TryGetValue(name, out var file)) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (http.Request.Headers.IfNoneMatch == file.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        http.Response.Headers.ETag = file.ETag;
        return Results.Bytes(file.Body, file.Type);
    }

    /// <summary>A version string for cache-busting links: /assets/site.css?v=...</summary>
    public static string Version(string name) => Files.TryGetValue(name, out var f) ? f.ETag.Trim('"')[..8] : "0";

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Compliance.Web.Assets.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var name = resource["Compliance.Web.Assets.".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".ico" => "image/x-icon",
                _ => "text/javascript; charset=utf-8",
            };
            files[name] = (body, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"");
        }
        return files;
    }
}
