using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Web.Health;

/// <summary>Healthy when the database answers and every migration has been applied.</summary>
public sealed class DatabaseHealthCheck(ComplianceDbContext db, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString() };
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            data["pendingMigrations"] = pending.Count;
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and up to date.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) have not been applied; run 'migrate'.", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database failed: {e.Message}", data: data);
        }
    }
}
