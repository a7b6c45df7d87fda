using Compliance.Jobs.Mail;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

/// <summary>Notices to send in the mail tests, and a transport aimed at a sink on loopback.</summary>
internal static class Notices
{
    public const string Sender = "notices@haki.example";

    public static readonly FixedClock Clock = FixedClock.At("2026-03-06T09:15:30Z");

    public const string ChineseSubject = "資料外洩通知：您的個人資料可能已被存取";
    public const string ChineseText = "陳大文先生：\n\n我們於2026年3月6日發現，存放支持者資料的系統遭未經授權存取。\n請更改您的密碼。\n";
    public const string ArabicSubject = "إشعار بخرق البيانات: ربما تم الوصول إلى بياناتك";
    public const string ArabicHtml = "<html dir=\"rtl\" lang=\"ar\"><body><p>عزيزي أحمد،</p>\n<p>اكتشفنا في 6 مارس 2026 وصولاً غير مصرح به إلى نظامنا.</p></body></html>";

    public static SmtpMailTransport Transport(int port, int connections = 2, Func<SmtpTransportOptions, SmtpTransportOptions>? configure = null)
    {
        var options = new SmtpTransportOptions { Host = "127.0.0.1", Port = port, FromAddress = Sender, FromName = "Haki Network", Connections = connections };
        return new SmtpMailTransport(configure?.Invoke(options) ?? options, Clock);
    }

    public static OutgoingMail Numbered(int i, string campaign = "c1") => new(
        $"supporter{i}@example.org", $"Notice {i} about the breach", $"Dear supporter {i},\nwe write about the breach.\n",
        $"<p>Dear supporter {i},</p><p>we write about the breach.</p>", $"<{campaign}.{i}@compliance.invalid>");

    public static List<OutgoingMail> Many(int count, string campaign = "c1") => Enumerable.Range(0, count).Select(i => Numbered(i, campaign)).ToList();
}
