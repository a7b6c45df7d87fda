namespace Compliance.Jobs.Notices.Sending;

/// <summary>What one run of the sender did, counted as it goes over the campaigns.</summary>
internal sealed class SendTally
{
    public int Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits, HeldElsewhere;
    public TimeSpan CommitTime;

    public CampaignSender.Pass ToPass() => new(Sent, Unconfirmed, RetryLater, Failed, Withheld, Requeued, Commits, CommitTime, HeldElsewhere);
}
