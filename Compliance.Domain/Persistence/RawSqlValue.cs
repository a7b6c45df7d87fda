using System.Globalization;
using NodaTime;

namespace Compliance.Domain.Persistence;

/// <summary>
/// Values for SQL written by hand (bulk inserts, the campaign send log), stored exactly as EF stores them: on SQLite,
/// GUIDs as upper-case text, instants as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text and booleans as 0/1; on PostgreSQL, as they are.
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

    /// <summary>A boolean written into the SQL text itself.</summary>
    public static string Literal(bool value, bool sqlite) => sqlite ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
}
