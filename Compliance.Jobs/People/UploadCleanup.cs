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
/// Deletes uploaded lists of people that were never imported or discarded once they expire (the pending rows in one
/// statement, and any files an earlier version left in the data folder), and writes one audit line per organisation
/// saying how many and how large. The recurring job <see cref="UploadCleanupJob"/> runs it hourly; <c>uploads clean</c>
/// runs it at once.
/// </summary>
public sealed class UploadCleanup(UploadFolder folder, Func<ComplianceDbContext> database, IClock clock, ILogger<UploadCleanup> log)
{
    public sealed record Result(int Files, long Bytes);

    private sealed record Expired(Guid? OrganisationId, int Files, long Bytes);

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now - folder.Expiry;
        await using var db = database();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = db.PendingUploads.IgnoreQueryFilters().Where(u => u.SavedAt <= cutoff);
        var deleted = await rows.GroupBy(u => u.OrganisationId)
            .Select(g => new Expired(g.Key, g.Count(), g.Sum(u => u.Bytes))).ToListAsync(ct);
        // A clean-up running at the same moment (the command beside the hourly job) may have taken them first.
        if (deleted.Count > 0 && await rows.ExecuteDeleteAsync(ct) == 0) deleted.Clear();
        deleted.AddRange(DeleteLegacyFiles(now));
        if (deleted.Count == 0) return new(0, 0);

        var organisations = deleted.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var known = await db.Organisations.IgnoreQueryFilters().Where(o => organisations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var audit = new AuditLog(db, clock);
        foreach (var group in deleted.Where(u => u.OrganisationId is { } id && known.Contains(id)).GroupBy(u => u.OrganisationId!.Value))
            await audit.AppendAsync(group.Key, null, "scheduler", "people.uploads-expired",
                new { files = group.Sum(u => u.Files), bytes = group.Sum(u => u.Bytes), expiryHours = folder.Expiry.TotalHours }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(deleted.Sum(u => u.Files), deleted.Sum(u => u.Bytes));
    }

    /// <summary>Expired files an earlier version left in the data folder, deleted one by one.</summary>
    private List<Expired> DeleteLegacyFiles(Instant now)
    {
        var deleted = new List<Expired>();
        foreach (var upload in folder.All().Where(u => folder.IsExpired(u, now)))
        {
            try
            {
                File.Delete(upload.Path);
                deleted.Add(new(upload.OrganisationId, 1, upload.Bytes));
                // Files from before they were filed by organisation have no audit log to go to.
                if (upload.OrganisationId is null) log.LogInformation("Deleted the expired upload {Path} ({Bytes} bytes)", upload.Path, upload.Bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Could not delete the expired upload {Path}: {Reason}", upload.Path, e.Message);
            }
        }
        return deleted;
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
