using Compliance.Domain.Persistence;
using Compliance.Jobs.Hosting;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Mail;

/// <summary>
/// <c>Mail:From</c>, <c>Mail:Smtp:Host</c>, <c>Mail:Smtp:Port</c> (587), <c>Mail:Smtp:Tls</c> (<c>starttls</c>, <c>implicit</c>
/// or <c>none</c>; the older <c>Mail:Smtp:StartTls</c> true/false still works), <c>Mail:Smtp:User</c>, <c>Mail:Smtp:Password</c>,
/// <c>Mail:Smtp:Auth</c> (<c>password</c>, or <c>xoauth2</c> with the access token as the password), <c>Mail:Smtp:Connections</c> (4).
/// With no SMTP host, mail goes to <c>Mail:PickupFolder</c> as .eml files, so the embedded set-up works without a mail server.
/// </summary>
public sealed record MailOptions(string From, string? SmtpHost, int SmtpPort, bool StartTls, string? User, string? Password, int Connections, string PickupFolder)
{
    private readonly SmtpTlsMode? tls;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public SmtpTlsMode Tls
    {
        get => tls ?? (StartTls ? SmtpTlsMode.StartTls : SmtpTlsMode.None);
        init => tls = value;
    }

    public SmtpAuthMode Auth { get; init; } = SmtpAuthMode.Password;

    public static MailOptions Read(IConfiguration config, string dataFolder)
    {
        var from = config["Mail:From"] ?? "breach-tracker@localhost";
        if (!from.Contains('@')) throw new ConfigurationProblem($"Mail:From '{from}' is not an email address.");
        var startTls = Settings.Bool(config, "Mail:Smtp:StartTls", true);
        var options = new MailOptions(from, config["Mail:Smtp:Host"], Settings.Int(config, "Mail:Smtp:Port", 587, 1, 65535), startTls,
            config["Mail:Smtp:User"], config["Mail:Smtp:Password"], Settings.Int(config, "Mail:Smtp:Connections", 4, 1, 64),
            config["Mail:PickupFolder"] ?? Path.Combine(dataFolder, "mail-pickup"))
        {
            Tls = config["Mail:Smtp:Tls"] switch
            {
                null => startTls ? SmtpTlsMode.StartTls : SmtpTlsMode.None,
                var t when t.Equals("starttls", StringComparison.OrdinalIgnoreCase) => SmtpTlsMode.StartTls,
                var t when t.Equals("implicit", StringComparison.OrdinalIgnoreCase) => SmtpTlsMode.Implicit,
                var t when t.Equals("none", StringComparison.OrdinalIgnoreCase) => SmtpTlsMode.None,
                var t => throw new ConfigurationProblem($"Mail:Smtp:Tls must be 'starttls', 'implicit' or 'none', not '{t}'."),
            },
            Auth = config["Mail:Smtp:Auth"] switch
            {
                null => SmtpAuthMode.Password,
                var a when a.Equals("password", StringComparison.OrdinalIgnoreCase) => SmtpAuthMode.Password,
                var a when a.Equals("xoauth2", StringComparison.OrdinalIgnoreCase) => SmtpAuthMode.XOAuth2,
                var a => throw new ConfigurationProblem($"Mail:Smtp:Auth must be 'password' or 'xoauth2', not '{a}'."),
            },
        };
        if (options.UsesSmtp && options.User is not null && string.IsNullOrEmpty(options.Password))
            throw new ConfigurationProblem($"Mail:Smtp:User is set but Mail:Smtp:Password is empty{(options.Auth == SmtpAuthMode.XOAuth2 ? " (with xoauth2 it holds the access token)" : "")}.");
        return options;
    }
}
