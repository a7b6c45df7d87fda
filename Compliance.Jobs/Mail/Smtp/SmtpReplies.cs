using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>The send log's rules for what MailKit reports: 2xx Sent, 4xx RetryLater, 5xx Failed, with the server's words.</summary>
internal static class SmtpReplies
{
    public static string Text(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}";

    public static MailResult Refusal(SmtpCommandException e) =>
        new((int)e.StatusCode is >= 500 and < 600 ? MailOutcome.Failed : MailOutcome.RetryLater, Text(e));

    /// <summary>The connection is gone or unusable: what MailKit throws when the server hangs up, breaks the protocol or goes quiet.</summary>
    public static bool IsLoss(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException
            or ObjectDisposedException or OperationCanceledException or TimeoutException or SslHandshakeException;
}
