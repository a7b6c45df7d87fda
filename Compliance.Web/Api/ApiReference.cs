using Compliance.Web.Assets;
using Scalar.AspNetCore;

namespace Compliance.Web.Api;

/// <summary>
/// The interactive reference of the API at /api/reference, for people signed in. Scalar's bundle is served by the
/// app itself (under /api/reference/bundle/); the page is ours, so that it runs no inline script: its configuration is
/// a file in /assets. Scalar styles itself with style elements, so this page alone allows inline style, like the
/// Hangfire dashboard.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";
    private const string Bundle = Path + "/bundle";

    public static void Map(WebApplication app)
    {
        app.MapScalarApiReference(Bundle, o => o.WithTitle("API reference")).RequireAuthorization().ExcludeFromDescription();
        app.MapGet(Path, Page).RequireAuthorization().ExcludeFromDescription();
    }

    private static IResult Page(HttpContext http)
    {
        var root = http.Request.PathBase;
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>API reference · Breach notification tracker</title>
              <link rel="icon" href="{root}/assets/favicon.svg">
            </head>
            <body>
              <div id="app"></div>
              <script src="{root}{Bundle}/scalar.js"></script>
              <script src="{root}/assets/api-reference.js?v={EmbeddedAssets.Version("api-reference.js")}"></script>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
