using Compliance.Jobs.Mail;
using Compliance.Jobs.Notices;

namespace Compliance.Tests.Notices;

// The hand-off log's groups decide what a crash leaves behind: a released message must keep its record, one never
// released must lose it.
public sealed class GroupCommitHandOffTests
{
    private sealed class Store
    {
        public readonly HashSet<int> Handed = [];
        public readonly List<GroupCommitHandOff.Group> Groups = [];
        public TaskCompletionSource Hold { get; set; } = Released();

        public async Task CommitAsync(GroupCommitHandOff.Group group)
        {
            await Hold.Task;
            lock (Groups)
            {
                Groups.Add(group);
                foreach (var i in group.Released) Handed.Add(i);
                foreach (var i in group.Withdrawn) Handed.Remove(i);
            }
        }

        private static TaskCompletionSource Released()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }

    [Fact]
    public async Task A_message_withdrawn_on_one_connection_and_recorded_again_on_another_keeps_its_record()
    {
        var store = new Store { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var log = new GroupCommitHandOff(store.CommitAsync);

        var first = log.RecordAsync(0, default).AsTask(); // its commit is held open
        _ = log.RecordAsync(5, default); // waits for the next commit
        log.Withdrawn(5); // the connection was lost before 5 was released; 5 is handed back
        var again = log.RecordAsync(5, default).AsTask(); // and recorded again by another connection, then released
        store.Hold.SetResult();
        await Task.WhenAll(first, again);
        await log.DrainAsync();

        Assert.Equal([0, 5], store.Handed.Order());
        Assert.Empty(log.Uncommitted());
    }

    [Fact]
    public async Task A_withdrawal_travels_with_the_next_record_and_a_last_one_is_left_for_the_results()
    {
        var store = new Store();
        var log = new GroupCommitHandOff(store.CommitAsync);

        await log.RecordAsync(1, default);
        log.Withdrawn(1); // refused before its end of DATA
        log.Settled(2, new MailResult(MailOutcome.Sent, "250 ok"));
        await log.RecordAsync(3, default);
        log.Withdrawn(3);
        await log.DrainAsync();

        Assert.Equal([3], store.Handed);
        var second = store.Groups[1];
        Assert.Equal([3], second.Released);
        Assert.Equal([1], second.Withdrawn);
        Assert.Equal(2, Assert.Single(second.Accepted).Index);
        Assert.Equal([3], log.Uncommitted()); // no commit after it: the sender clears it with the results
    }
}
