namespace Compliance.Jobs.Notices.Sending;

/// <summary>
/// Keeps a campaign to its messages per second: after each chunk, waits until the messages released so far are due
/// at that rate since the campaign's sending started. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SendPace(TimeProvider time, int messagesPerSecond)
{
    private readonly long started = time.GetTimestamp();
    private long released;

    public void Released(int messages) => released += messages;

    /// <summary>Waits as long as the rate asks; false when the run was stopped meanwhile.</summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (messagesPerSecond <= 0) return true;
        var wait = TimeSpan.FromSeconds(released / (double)messagesPerSecond) - time.GetElapsedTime(started);
        if (wait <= TimeSpan.Zero) return true;
        try
        {
            await Task.Delay(wait, time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
