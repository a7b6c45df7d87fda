using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Compliance.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.People;

/// <summary>
/// Deletes uploaded lists of people that were never imported or discarded once they expire, and writes one audit
/// line per organisation saying how many and how large. The recurring job <see cref="UploadCleanupJob"/> runs it
/// hourly; <c>uploads clean</c> runs it at once.
/// </summary>
public sealed class UploadCleanup(UploadFolder folder, Func<ComplianceDbContext> database, IClock clock, ILogger<UploadCleanup> log)
{
    public sealed record Result(int Files, long Bytes);

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var expired = folder.All().Where(u => folder.IsExpired(u, now)).ToList();
        var deleted = new List<UploadFolder.Upload>();
        foreach (var upload in expired)
        {
            try
            {
                File.Delete(upload.Path);
                deleted.Add(upload);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Could not delete the expired upload {Path}: {Reason}", upload.Path, e.Message);
            }
        }
        if (deleted.Count == 0) return new(0, 0);

        await using var db = database();
        var organisations = deleted.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var known = await db.Organisations.IgnoreQueryFilters().Where(o => organisations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var audit = new AuditLog(db, clock);
        foreach (var group in deleted.Where(u => u.OrganisationId is { } id && known.Contains(id)).GroupBy(u => u.OrganisationId!.Value))
            await audit.AppendAsync(group.Key, null, "scheduler", "people.uploads-expired",
                new { files = group.Count(), bytes = group.Sum(u => u.Bytes), expiryHours = folder.Expiry.TotalHours }, ct);
        await db.SaveChangesAsync(ct);
        // Uploads from before they were filed by organisation (or of an organisation that is gone) have no log to go to.
        foreach (var orphan in deleted.Where(u => u.OrganisationId is not { } id || !known.Contains(id)))
            log.LogInformation("Deleted the expired upload {Path} ({Bytes} bytes)", orphan.Path, orphan.Bytes);
        return new(deleted.Count, deleted.Sum(u => u.Bytes));
    }
}

/// <summary>The hourly Hangfire job around <see cref="UploadCleanup"/>.</summary>
public sealed class UploadCleanupJob(UploadCleanup cleanup)
{
    public const string Id = "upload-cleanup";

    public Task RunAsync(CancellationToken ct) => cleanup.RunAsync(ct);
}

public static class UploadCleanupRegistration
{
    /// <summary>The upload folder and its clean-up, with an hourly recurring job when this process schedules.</summary>
    public static IServiceCollection AddUploadCleanup(this IServiceCollection services, AppConfiguration settings)
    {
        services.TryAddSingleton(new UploadFolder(settings.DataFolder, Duration.FromHours(settings.UploadExpiryHours)));
        services.TryAddTransient(sp => new UploadCleanup(sp.GetRequiredService<UploadFolder>(),
            () => ComplianceDatabase.CreateContext(settings.Database), sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILogger<UploadCleanup>>()));
        if (!settings.Scheduler.Enabled) return services;
        services.TryAddTransient<UploadCleanupJob>();
        return services.AddRecurringSweep(UploadCleanupJob.Id, 3600,
            (jobs, id, cron) => jobs.AddOrUpdate<UploadCleanupJob>(id, j => j.RunAsync(CancellationToken.None), cron));
    }
}
