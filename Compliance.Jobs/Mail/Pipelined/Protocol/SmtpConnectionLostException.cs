namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>The connection is gone or unusable (closed, reset, timed out, 421): a reason to reconnect.</summary>
internal sealed class SmtpConnectionLostException(string reason, Exception? inner = null) : IOException(reason, inner);
