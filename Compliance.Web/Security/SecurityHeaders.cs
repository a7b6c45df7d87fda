namespace Compliance.Web.Security;

/// <summary>
/// Headers on every response: a CSP with no inline script or style, no framing, no sniffing, no referrer;
/// HSTS when the request came over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard colours its state cards with style attributes, and the API reference (Scalar) styles itself
    // with style elements; their scripts are files: allow inline style on those two only.
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        // Read now: the dashboard's branch moves its prefix into PathBase before the response starts.
        var path = context.Request.Path;
        var policy = path.StartsWithSegments(JobDashboard.Path, StringComparison.OrdinalIgnoreCase)
                     || path.StartsWithSegments(Api.ApiReference.Path, StringComparison.OrdinalIgnoreCase)
            ? DashboardContentSecurityPolicy
            : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        await next();
    });
}
