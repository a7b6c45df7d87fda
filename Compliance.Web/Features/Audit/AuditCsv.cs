using System.Globalization;
using Compliance.Domain.Audit;
using NodaTime.Text;

namespace Compliance.Web.Features.Audit;

/// <summary>The audit log as RFC 4180 CSV: sequence, time, incident, actor, action, data, previous hash, hash.</summary>
public static class AuditCsv
{
    public static async Task WriteAsync(IEnumerable<AuditEntry> entries, TextWriter writer)
    {
        await writer.WriteLineAsync("sequence,at,incident,actor,action,data,previous_hash,hash");
        foreach (var e in entries)
            await writer.WriteLineAsync(string.Join(',', e.Sequence.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(e.At),
                e.IncidentId?.ToString() ?? "", Quote(e.Actor), Quote(e.Action), Quote(e.Data), e.PreviousHash, e.Hash));
    }

    // Quote every text field, and neutralise spreadsheet formulas (a cell starting with = + - @).
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
