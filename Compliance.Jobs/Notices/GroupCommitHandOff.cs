using Compliance.Jobs.Mail;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Records hand-offs in groups: while one commit runs, the messages that reach their end of DATA on other
/// connections wait together for the next one, so a campaign over K connections pays about one database commit per
/// K messages. Each commit also carries the acceptances that arrived since the last one, so that after a crash only
/// the messages truly in flight are left unconfirmed.
/// <para>
/// A record completes only when its commit has (there is no giving up half-way: a recorded message must then be
/// released), and its waiter runs on the committing thread at once, so the terminator leaves microseconds after the
/// commit and not after a trip through the thread pool.
/// </para>
/// </summary>
internal sealed class GroupCommitHandOff(Func<IReadOnlyList<int>, IReadOnlyList<(int Index, string Reply)>, Task> commit) : IHandOffLog
{
    private readonly Lock gate = new();
    private List<(int Index, TaskCompletionSource Done)> pending = [];
    private List<(int Index, string Reply)> accepted = [];
    private bool committing;

    /// <summary>How many commits were made, and the time spent in them (for the benchmark).</summary>
    public int Commits { get; private set; }

    public TimeSpan CommitTime { get; private set; }

    public ValueTask RecordAsync(int index, CancellationToken ct)
    {
        var done = new TaskCompletionSource();
        bool start;
        lock (gate)
        {
            pending.Add((index, done));
            start = !committing;
            committing = true;
        }
        if (start) _ = Task.Run(CommitLoopAsync, CancellationToken.None);
        return new ValueTask(done.Task);
    }

    public void Settled(int index, MailResult result)
    {
        if (result.Outcome != MailOutcome.Sent) return;
        lock (gate) accepted.Add((index, result.Reply));
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            List<(int Index, TaskCompletionSource Done)> group;
            List<(int Index, string Reply)> acceptances;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    committing = false;
                    return;
                }
                (group, pending) = (pending, []);
                (acceptances, accepted) = (accepted, []);
            }
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await commit(group.ConvertAll(g => g.Index), acceptances);
                CommitTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Commits++;
            }
            catch (Exception e)
            {
                foreach (var (_, done) in group) done.SetException(e);
                continue;
            }
            foreach (var (_, done) in group) done.SetResult();
        }
    }
}
