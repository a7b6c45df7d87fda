namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>A server reply: its three-digit code and its text, every line joined, as it goes into the send log.</summary>
internal readonly record struct SmtpReply(int Code, string Text, IReadOnlyList<string>? MultipleLines = null)
{
    /// <summary>Each line's text without the code (EHLO keywords are read from these).</summary>
    public IReadOnlyList<string> Lines => MultipleLines ?? [Text.Length > 4 ? Text[4..] : ""];

    public bool IsPositive => Code is >= 200 and < 300;

    /// <summary>421: the server is closing the connection, whatever command it answers.</summary>
    public bool IsClosing => Code == 421;

    public MailResult ToResult() => new(Code switch
    {
        >= 200 and < 300 => MailOutcome.Sent,
        >= 500 and < 600 => MailOutcome.Failed,
        _ => MailOutcome.RetryLater,
    }, Text);

    public override string ToString() => Text;
}
