using Hangfire;

namespace Compliance.Web.Features.Operators;

/// <summary>Hangfire's dashboard at /admin/hangfire, for instance operators only (see <see cref="OperatorGate"/>).</summary>
public static class JobDashboard
{
    public const string Path = "/admin/hangfire";

    public static void Map(WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(OperatorGate.RunAsync));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new OperatorDashboardFilter()],
            // POSTs (retry, delete, trigger) carry the antiforgery token the dashboard's pages embed; never off.
            IgnoreAntiforgeryToken = false,
            // The connection string holds the database password: never on a page.
            DisplayStorageConnectionString = false,
            AppPath = "/Admin/Jobs",
            DashboardTitle = "Jobs of this installation",
        }, app.Services.GetRequiredService<JobStorage>());
    }
}
