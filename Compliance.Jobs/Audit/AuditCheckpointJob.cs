using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Audit;

/// <summary>
/// Every <c>Audit:CheckpointMinutes</c>: verifies each organisation's log and writes a signed checkpoint of the intact
/// ones to the checkpoint folder (outside the database). A broken log is logged as an error and not checkpointed.
/// </summary>
public sealed class AuditCheckpointJob(AuditVerification verification, ILogger<AuditCheckpointJob> log)
{
    public const string Id = "audit-checkpoint";

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var outcome in await verification.RunAsync(slug: null, checkpoint: true, ct))
        {
            foreach (var problem in outcome.CheckpointProblems) log.LogError("Audit checkpoints of {Organisation}: {Problem}", outcome.Slug, problem);
            if (!outcome.Verdict.Intact)
                log.LogError("The audit log of {Organisation} is BROKEN at entry {Sequence}: {Problem}", outcome.Slug,
                    outcome.Verdict.FirstBrokenSequence, outcome.Verdict.Problem);
        }
    }
}

public static class AuditRegistration
{
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services, AppConfiguration settings)
    {
        services.TryAddSingleton(new AuditCheckpoints(settings.Audit.CheckpointFolder, settings.Audit.Seal));
        services.TryAddTransient(sp => new AuditVerification(() => ComplianceDatabase.CreateContext(settings.Database),
            sp.GetRequiredService<AuditCheckpoints>(), sp.GetRequiredService<IClock>()));
        if (!settings.Scheduler.Enabled) return services;
        services.TryAddTransient<AuditCheckpointJob>();
        return services.AddRecurringSweep(AuditCheckpointJob.Id, settings.Audit.CheckpointMinutes * 60,
            (jobs, id, cron) => jobs.AddOrUpdate<AuditCheckpointJob>(id, j => j.RunAsync(CancellationToken.None), cron));
    }
}
