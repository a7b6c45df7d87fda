using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Compliance.Web.Health;

/// <summary>
/// A database that cannot take writes (a full disk, a read-only file or replica, a server gone) answers 503 with a
/// sentence a person understands, for pages and the API alike, instead of a bare 500. Reads keep working meanwhile.
/// </summary>
public sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> log) : IExceptionHandler
{
    public const string Message =
        "The database cannot save changes right now (it may be full, read-only or unreachable); nothing was saved. Try again in a few minutes, and tell your administrator if it lasts.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception)) return false;
        log.LogError(exception, "The database refused a write");
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "120";
        if (http.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable").ExecuteAsync(http);
        else
            await Results.Content($"<!doctype html><html lang=\"en\"><title>Cannot save right now</title><main><h1>Cannot save right now</h1><p>{Message}</p></main></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        return true;
    }

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT... SQLITE_FULL, SQLITE_CANTOPEN
                case SqliteException s when s.SqliteErrorCode is 8 or 10 or 13 or 14: return true;
                // read_only_sql_transaction, disk_full and other insufficient resources, admin shutdown
                case PostgresException p when p.SqlState is "25006" or "57P01" or "57P02" or "57P03" || p.SqlState.StartsWith("53", StringComparison.Ordinal): return true;
                case NpgsqlException { IsTransient: true }: return true;
            }
        }
        return false;
    }
}
