using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Mail;

/// <summary>
/// <c>Mail:From</c>, <c>Mail:Smtp:Host</c>, <c>Mail:Smtp:Port</c> (587), <c>Mail:Smtp:StartTls</c> (true),
/// <c>Mail:Smtp:User</c>, <c>Mail:Smtp:Password</c>, <c>Mail:Smtp:Connections</c> (4). With no SMTP host, mail goes
/// to <c>Mail:PickupFolder</c> as .eml files, so the embedded set-up works without a mail server.
/// </summary>
public sealed record MailOptions(string From, string? SmtpHost, int SmtpPort, bool StartTls, string? User, string? Password, int Connections, string PickupFolder)
{
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public static MailOptions Read(IConfiguration config, string dataFolder)
    {
        var from = config["Mail:From"] ?? "breach-tracker@localhost";
        if (!from.Contains('@')) throw new ConfigurationProblem($"Mail:From '{from}' is not an email address.");
        return new MailOptions(from, config["Mail:Smtp:Host"], Settings.Int(config, "Mail:Smtp:Port", 587, 1, 65535), Settings.Bool(config, "Mail:Smtp:StartTls", true),
            config["Mail:Smtp:User"], config["Mail:Smtp:Password"], Settings.Int(config, "Mail:Smtp:Connections", 4, 1, 64),
            config["Mail:PickupFolder"] ?? Path.Combine(dataFolder, "mail-pickup"));
    }
}
