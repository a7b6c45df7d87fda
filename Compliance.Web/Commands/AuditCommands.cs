using System.Globalization;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Web.Commands;

/// <summary>
/// <c>audit verify [--org SLUG]</c>: checks each organisation's hash chain and names the first broken entry (exit 1).
/// <c>audit export --org SLUG [--incident REF]</c>: the log as CSV on stdout.
/// </summary>
public static class AuditCommands
{
    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ([("verify" or "export"), ..]))
            return AccountCommands.Usage(stderr, "usage: audit verify [--org SLUG] | audit export --org SLUG [--incident REF]");
        var o = Options.Parse(args[1..]);
        await using var db = await AccountCommands.OpenAsync(o);
        var orgs = await db.Organisations.OrderBy(x => x.Slug).ToListAsync();
        if (o.Get("org") is { } slug)
        {
            orgs = orgs.Where(x => x.Slug == slug).ToList();
            if (orgs.Count == 0) return AccountCommands.Usage(stderr, $"error: --org '{slug}' is not an organisation.");
        }

        if (args[0] == "verify")
        {
            var broken = 0;
            foreach (var org in orgs)
            {
                var entries = await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == org.Id).OrderBy(e => e.Sequence).ToListAsync();
                var verdict = AuditChain.Verify(entries);
                if (verdict.Intact) await stdout.WriteLineAsync($"{org.Slug}: intact ({entries.Count} entries)");
                else
                {
                    broken++;
                    await stdout.WriteLineAsync($"{org.Slug}: BROKEN at entry {verdict.FirstBrokenSequence}: {verdict.Problem}");
                }
            }
            return broken == 0 ? CommandLine.Ok : CommandLine.Failed;
        }

        if (o.Get("org") is null) return AccountCommands.Usage(stderr, "error: audit export needs --org SLUG.");
        var orgId = orgs[0].Id;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == orgId);
        if (o.Get("incident") is { } reference)
        {
            var incidentId = await db.Incidents.Where(i => i.OrganisationId == orgId && i.Reference == reference).Select(i => (Guid?)i.Id).SingleOrDefaultAsync();
            if (incidentId is null) return AccountCommands.Usage(stderr, $"error: --incident '{reference}' is not an incident of {orgs[0].Slug}.");
            query = query.Where(e => e.IncidentId == incidentId);
        }
        await AuditCsv.WriteAsync(await query.OrderBy(e => e.Sequence).ToListAsync(), stdout);
        await new AuditLog(db, clock).AppendAsync(orgId, null, "command-line", "audit.exported", new { incident = o.Get("incident") });
        await db.SaveChangesAsync();
        return CommandLine.Ok;
    }
}

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
