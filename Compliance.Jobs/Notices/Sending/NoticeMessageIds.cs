using Compliance.Jobs.Mail;

namespace Compliance.Jobs.Notices.Sending;

/// <summary>A notice's Message-ID: the same for every attempt at this person's notice, so a resend shows as one message in their mail program.</summary>
internal sealed class NoticeMessageIds(MailOptions mail)
{
    public string For(Guid campaignId, Guid personId) => $"<notice.{campaignId:N}.{personId:N}@{MailDomain(mail.From)}>";

    private static string MailDomain(string address) => address[(address.LastIndexOf('@') + 1)..].Trim('>', ' ');
}
