namespace Compliance.Jobs.Mail.Pipelined.Protocol;

/// <summary>A session could not be opened: the server refused the greeting, EHLO, STARTTLS or the credentials.</summary>
internal sealed class SmtpSessionException(string message, Exception? inner = null) : Exception(message, inner);
