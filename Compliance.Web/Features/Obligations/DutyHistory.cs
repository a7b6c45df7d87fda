using Compliance.Domain.Persistence;
using System.Text.Json;
using Compliance.Domain.Audit;
using Compliance.Domain.Obligations;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>A duty replaced after the facts changed: the old terms, the new ones (if it still applies), when, and which facts moved.</summary>
public sealed record HistoryRow(Obligation Old, Obligation? Replacement, Instant ChangedAt, IReadOnlyList<string> Because);

/// <summary>
/// Pairs each superseded duty with the one that replaced it. The planner supersedes and adds in one run at one
/// instant, and audits the fact change at that instant too, which is what ties the three together.
/// </summary>
public static class DutyHistory
{
    /// <summary>The audit lines that can explain a replacement: a change of the facts, a filing recorded.</summary>
    public static readonly string[] Actions = ["incident.updated", "obligation.fulfilled"];

    public static IReadOnlyList<HistoryRow> Build(IReadOnlyList<Obligation> duties, IReadOnlyList<AuditEntry> audit)
    {
        var rows = new List<HistoryRow>();
        foreach (var old in duties.Where(o => o.Status == ObligationStatus.Superseded && o.SupersededAt is not null).OrderByDescending(o => o.SupersededAt))
        {
            var at = StoredPrecision.Of(old.SupersededAt!.Value);
            var replacement = duties.FirstOrDefault(o => !ReferenceEquals(o, old) && o.IsSameDutyAs(old) && StoredPrecision.Of(o.CreatedAt) == at);
            rows.Add(new HistoryRow(old, replacement, old.SupersededAt.Value, Reasons(audit.Where(e => e.At == at).ToList())));
        }
        return rows;
    }

    private static IReadOnlyList<string> Reasons(IReadOnlyList<AuditEntry> entries)
    {
        var reasons = new List<string>();
        foreach (var entry in entries.Where(e => e.Action == "incident.updated"))
        {
            using var data = JsonDocument.Parse(entry.Data);
            if (!data.RootElement.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array) continue;
            foreach (var change in changes.EnumerateArray())
                if (change.TryGetProperty("field", out var field) && field.GetString() is { } name)
                    reasons.Add($"{(IncidentFormView.LabelFor(name) is { Length: > 0 } label ? label : name)} changed");
        }
        if (entries.Any(e => e.Action == "obligation.fulfilled")) reasons.Add("a filing was recorded");
        return reasons.Distinct().ToList();
    }
}
