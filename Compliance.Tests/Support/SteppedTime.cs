using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Tests.Support;

/// <summary>
/// A fake clock for code that waits (pacing): whenever the code under test starts a wait, <see cref="RunAsync{T}"/>
/// moves the clock to the wait's end, so nothing waits on the real clock; <see cref="Elapsed"/> is how long the waits
/// would have taken.
/// </summary>
public sealed class SteppedTime : TimeProvider
{
    private readonly FakeTimeProvider fake = new();
    private readonly DateTimeOffset start;
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    public SteppedTime() => start = fake.GetUtcNow();

    /// <summary>The time the clock was moved on, in all.</summary>
    public TimeSpan Elapsed => fake.GetUtcNow() - start;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Runs <paramref name="work"/> to its end, moving the clock on each time it starts a wait.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var running = work();
        while (true)
        {
            var wait = waits.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(running, wait) == running) return await running;
            fake.Advance(await wait);
        }
    }
}
