using Compliance.Jobs.Mail;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Records hand-offs in groups: while one commit runs, the messages that reach their end of DATA on other
/// connections wait together for the next one, so a campaign over K connections pays about one database commit per
/// K messages. Each commit also carries the acceptances that arrived since the last one, and the withdrawals of
/// records whose messages were never released, so that after a crash only the messages truly in flight (at most one
/// per connection) are left unconfirmed.
/// <para>
/// A record completes only when its commit has (there is no giving up half-way: a recorded message must then be
/// released), and its waiter runs on the committing thread at once, so the terminator leaves microseconds after the
/// commit and not after a trip through the thread pool.
/// </para>
/// </summary>
internal sealed class GroupCommitHandOff(Func<GroupCommitHandOff.Group, Task> commit) : IHandOffLog
{
    /// <summary>One commit: hand-offs to record, acceptances, and earlier hand-offs withdrawn (never released).</summary>
    public sealed record Group(IReadOnlyList<int> Released, IReadOnlyList<(int Index, string Reply)> Accepted, IReadOnlyList<int> Withdrawn);

    private readonly Lock gate = new();
    private List<(int Index, TaskCompletionSource Done)> pending = [];
    private List<(int Index, string Reply)> accepted = [];
    private List<int> withdrawn = [];
    private bool committing;
    private Task loop = Task.CompletedTask;

    /// <summary>How many commits were made, and the time spent in them (for the benchmark).</summary>
    public int Commits { get; private set; }

    public TimeSpan CommitTime { get; private set; }

    public ValueTask RecordAsync(int index, CancellationToken ct)
    {
        var done = new TaskCompletionSource();
        lock (gate)
        {
            // Recorded again on another connection after a withdrawal not yet committed: the record stands.
            withdrawn.Remove(index);
            pending.Add((index, done));
            if (!committing)
            {
                committing = true;
                loop = Task.Run(CommitLoopAsync, CancellationToken.None);
            }
        }
        return new ValueTask(done.Task);
    }

    public void Settled(int index, MailResult result)
    {
        if (result.Outcome != MailOutcome.Sent) return;
        lock (gate) accepted.Add((index, result.Reply));
    }

    public void Withdrawn(int index)
    {
        lock (gate) withdrawn.Add(index);
    }

    /// <summary>
    /// Waits for the commits still running once the transport is done: a record withdrawn before its message's gate
    /// is awaited by nobody else, and the send log's connection must be free before the results are written.
    /// </summary>
    public async Task DrainAsync()
    {
        Task running;
        lock (gate) running = loop;
        await running;
    }

    /// <summary>Withdrawals no commit has carried yet (after the batch: their records are cleared with the results).</summary>
    public IReadOnlyList<int> Uncommitted()
    {
        lock (gate) return [.. withdrawn];
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            List<(int Index, TaskCompletionSource Done)> group;
            List<(int Index, string Reply)> acceptances;
            List<int> withdrawals;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    committing = false;
                    return;
                }
                (group, pending) = (pending, []);
                (acceptances, accepted) = (accepted, []);
                (withdrawals, withdrawn) = (withdrawn, []);
            }
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await commit(new Group(group.ConvertAll(g => g.Index), acceptances, withdrawals));
                CommitTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Commits++;
            }
            catch (Exception e)
            {
                // The withdrawals wait for the next commit, unless the message has been recorded again meanwhile.
                lock (gate) withdrawn.AddRange(withdrawals.Where(w => !pending.Exists(p => p.Index == w) && !withdrawn.Contains(w)));
                foreach (var (_, done) in group) done.SetException(e);
                continue;
            }
            foreach (var (_, done) in group) done.SetResult();
        }
    }
}
