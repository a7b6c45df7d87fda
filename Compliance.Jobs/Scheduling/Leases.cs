using Compliance.Domain.Persistence;
using NodaTime;

namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Makes leases for this process: each call gets a fresh holder id (server, process, run), so two runs in one
/// process exclude each other as two servers do. <c>Scheduler:LeaseSeconds</c> (60) is how long a silent holder
/// keeps it: after a crash, the work waits that long before another run takes it over.
/// </summary>
public sealed class Leases(Func<ComplianceDbContext> openDb, IClock clock, LeaseSettings settings)
{
    public LeaseSettings Settings => settings;

    public Lease For(string name) =>
        new(openDb, clock, name, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", Duration.FromSeconds(settings.Seconds));
}

public sealed record LeaseSettings(int Seconds)
{
    public static readonly LeaseSettings Default = new(60);

    /// <summary>How often a holder renews: three times per lifetime, so one slow renewal does not lose it.</summary>
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Seconds / 3.0);
}
