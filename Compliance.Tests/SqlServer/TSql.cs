using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Compliance.Tests.SqlServer;

/// <summary>Parses T-SQL as SQL Server 2022 would, with QUOTED_IDENTIFIER ON as SqlClient connects.</summary>
public static class TSql
{
    public static void AssertParses(string sql, string what)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            $"{what} is not valid T-SQL:\n" + string.Join("\n", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + "\n---\n" + sql);
    }

    /// <summary>EF's raw-SQL placeholders {0}.. as the @p0.. parameters EF sends in their place.</summary>
    public static string WithParameters(string rawSql) =>
        System.Text.RegularExpressions.Regex.Replace(rawSql, @"\{(\d+)\}", "@p$1");
}
