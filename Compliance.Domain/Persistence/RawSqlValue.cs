using System.Data;
using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace Compliance.Domain.Persistence;

/// <summary>
/// Values for SQL written by hand (bulk inserts, the campaign send log), stored exactly as EF stores them: on SQLite,
/// GUIDs as upper-case text, instants as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text and booleans as 0/1; on PostgreSQL and
/// SQL Server, as they are. Booleans always travel as parameters: T-SQL has no TRUE or FALSE literal.
/// </summary>
internal static class RawSqlValue
{
    public static object Of(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid id => sqlite ? id.ToString().ToUpperInvariant() : id,
        Instant at => sqlite ? at.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : at.ToDateTimeUtc(),
        bool b => sqlite ? (b ? 1 : 0) : b,
        _ => value,
    };

    /// <summary>
    /// Sets a hand-made command's parameter. SqlClient would send an untyped DateTime as <c>datetime</c> (a 3 ms
    /// step) into a <c>datetime2</c> column, so instants are typed there.
    /// </summary>
    public static void Bind(DbParameter parameter, object? value, DatabaseProvider provider)
    {
        parameter.Value = Of(value, provider == DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.SqlServer && value is Instant) parameter.DbType = DbType.DateTime2;
    }

    public static DatabaseProvider ProviderOf(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            var other => throw new NotSupportedException($"No hand-written SQL for the provider {other}."),
        };
}
