using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Compliance.Domain.People;

/// <summary>
/// SQL Server's bulk copy (TDS bulk load) in the caller's transaction, fed in slices so a million people are never
/// all in memory. Not run against a live SQL Server here: none can run on the build machine (README).
/// </summary>
internal sealed class SqlServerPeopleBulkCopy : IPeopleBulkWriter
{
    private const int Slice = 10_000;

    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<AffectedPerson> people, CancellationToken ct)
    {
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction)transaction)
        {
            DestinationTableName = "affected_people",
            BatchSize = Slice,
            BulkCopyTimeout = 0,
        };
        foreach (var column in AffectedPeopleWriter.Columns) bulk.ColumnMappings.Add(column, column);
        using var rows = Table();
        var count = 0;
        foreach (var p in people)
        {
            var values = AffectedPeopleWriter.Values(p);
            values[^1] = p.CreatedAt.ToDateTimeUtc();
            for (var i = 0; i < values.Length; i++) values[i] ??= DBNull.Value;
            rows.Rows.Add(values);
            if (++count % Slice != 0) continue;
            await bulk.WriteToServerAsync(rows, ct);
            rows.Clear();
        }
        if (rows.Rows.Count > 0) await bulk.WriteToServerAsync(rows, ct);
        return count;
    }

    private static DataTable Table()
    {
        var table = new DataTable();
        Type[] types = [typeof(Guid), typeof(Guid), typeof(Guid), typeof(Guid), typeof(int), typeof(string), typeof(string), typeof(string), typeof(string), typeof(bool), typeof(DateTime)];
        for (var i = 0; i < types.Length; i++) table.Columns.Add(AffectedPeopleWriter.Columns[i], types[i]);
        return table;
    }
}
