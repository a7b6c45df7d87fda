using Compliance.Jobs.Mail;

namespace Compliance.Jobs.Notices;

/// <summary>
/// Records hand-offs in groups: while one commit runs, the messages that reach their end of DATA on other
/// connections wait together for the next one. So a campaign over K connections pays about one database commit per K
/// messages, not one per message. A record completes only when its commit has: there is no way to give up waiting
/// half-way, since a recorded message must then be released.
/// </summary>
internal sealed class GroupCommitHandOff(Func<IReadOnlyList<int>, Task> commit) : IHandOffLog
{
    private readonly Lock gate = new();
    private List<(int Index, TaskCompletionSource Done)> pending = [];
    private bool committing;

    /// <summary>How many commits were made (for the benchmark).</summary>
    public int Commits { get; private set; }

    public ValueTask RecordAsync(int index, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            List<(int Index, TaskCompletionSource Done)> group;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    committing = false;
                    return;
                }
                group = pending;
                pending = [];
            }
            try
            {
                await commit(group.ConvertAll(g => g.Index));
                Commits++;
                foreach (var (_, done) in group) done.SetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in group) done.SetException(e);
            }
        }
    }
}
