namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>A message ready for one connection: its envelope commands (with the server's extensions) and its bytes.</summary>
internal sealed record PreparedMail(int Index, string MailFrom, string RcptTo, byte[] Content);
