using NodaTime;

namespace Compliance.Domain.Leases;

/// <summary>
/// Who may do one piece of exclusive background work (send one campaign, run the reminder sweep) until when. The job
/// store only wakes work up and may run a job twice; this row decides who acts. A holder renews it while it works;
/// once it has expired anyone may take it over.
/// </summary>
public sealed class JobLease
{
    private JobLease() { Name = ""; Holder = ""; }

    public JobLease(string name, string holder, Instant expiresAt, Instant renewedAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
        RenewedAt = renewedAt;
    }

    /// <summary>What the lease is for, e.g. <c>campaign:{id}</c> or <c>reminder-sweep</c>.</summary>
    public string Name { get; private set; }

    /// <summary>The run holding it (server, process and a run id); empty once released.</summary>
    public string Holder { get; private set; }

    public Instant ExpiresAt { get; private set; }

    /// <summary>The holder's last heartbeat.</summary>
    public Instant RenewedAt { get; private set; }
}
