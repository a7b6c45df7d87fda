using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Hosting;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Audit;

/// <summary>
/// <c>audit verify [--org SLUG]</c>: checks each organisation's keyed hash chain against its head and its last signed
/// checkpoint (outside the database), names the first broken entry (exit 1), and checkpoints the logs that are intact.
/// <c>audit checkpoint [--org SLUG]</c>: the same, quietly (for cron). <c>audit export --org SLUG [--incident REF]</c>:
/// the log as CSV on stdout.
/// </summary>
public static class AuditCommands
{
    private const string UsageText = "usage: audit verify [--org SLUG] | audit checkpoint [--org SLUG] | audit export --org SLUG [--incident REF]";

    public static async Task<int> RunAsync(string[] args, IClock clock, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ([("verify" or "checkpoint" or "export"), ..]))
            return AccountCommands.Usage(stderr, UsageText);
        var o = Options.Parse(args[1..]);
        var settings = AppConfiguration.From(CommandLine.ReadConfiguration(o.ConfigurationArgs));
        await using var db = await AccountCommands.OpenAsync(o);
        var orgs = await db.Organisations.OrderBy(x => x.Slug).ToListAsync();
        var slug = o.Get("org");
        if (slug is not null)
        {
            orgs = orgs.Where(x => x.Slug == slug).ToList();
            var checkpoints = new AuditCheckpoints(settings.Audit.CheckpointFolder, settings.Audit.Seal);
            if (orgs.Count == 0 && (args[0] == "export" || !checkpoints.Organisations().Any()))
                return AccountCommands.Usage(stderr, $"error: --org '{slug}' is not an organisation.");
        }

        if (args[0] is "verify" or "checkpoint")
        {
            var verification = new AuditVerification(() => ComplianceDatabase.CreateContext(settings.Database),
                new AuditCheckpoints(settings.Audit.CheckpointFolder, settings.Audit.Seal), clock);
            var outcomes = await verification.RunAsync(slug, checkpoint: true);
            var broken = 0;
            foreach (var outcome in outcomes)
            {
                foreach (var problem in outcome.CheckpointProblems) await stderr.WriteLineAsync($"{outcome.Slug}: warning: {problem}");
                if (outcome.Verdict.Intact)
                {
                    if (args[0] == "verify")
                        await stdout.WriteLineAsync($"{outcome.Slug}: intact ({outcome.Entries} entries{(outcome.Checkpointed ? ", checkpointed" : "")})");
                    continue;
                }
                broken++;
                await stdout.WriteLineAsync($"{outcome.Slug}: BROKEN at entry {outcome.Verdict.FirstBrokenSequence}: {outcome.Verdict.Problem}");
            }
            if (slug is not null && outcomes.Count == 0) return AccountCommands.Usage(stderr, $"error: --org '{slug}' is not an organisation.");
            return broken == 0 ? CommandLine.Ok : CommandLine.Failed;
        }

        if (slug is null) return AccountCommands.Usage(stderr, "error: audit export needs --org SLUG.");
        var reference = o.Get("incident");
        var exported = await new ExportAudit(db, clock).HandleAsync(Actor.System(orgs[0].Id, "command-line"), new ExportAuditRequest(null, reference));
        if (!exported.IsOk) return AccountCommands.Usage(stderr, $"error: --incident '{reference}' is not an incident of {orgs[0].Slug}.");
        await AuditCsv.WriteAsync(exported.Value!.Entries, stdout);
        return CommandLine.Ok;
    }
}
