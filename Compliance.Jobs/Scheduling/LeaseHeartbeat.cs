namespace Compliance.Jobs.Scheduling;

/// <summary>
/// Renews a held lease in the background while the work runs. When a renewal fails (the lease expired and another
/// run took it) <see cref="Lost"/> is cancelled, so the work stops before it can act twice.
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource lost;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LeaseHeartbeat(Lease lease, TimeSpan every, CancellationToken work)
    {
        lost = CancellationTokenSource.CreateLinkedTokenSource(work);
        loop = BeatAsync(lease, every);
    }

    /// <summary>Cancelled when the work is cancelled or the lease is lost.</summary>
    public CancellationToken Lost => lost.Token;

    public static LeaseHeartbeat Start(Lease lease, TimeSpan every, CancellationToken work) => new(lease, every, work);

    private async Task BeatAsync(Lease lease, TimeSpan every)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, stop.Token);
                if (!await lease.RenewAsync(stop.Token)) break;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception)
        {
            // A database that cannot be reached cannot confirm the lease either: stop the work, as if lost.
        }
        await lost.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        lost.Dispose();
        stop.Dispose();
    }
}
