using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>Where and how <see cref="SmtpMailTransport"/> sends.</summary>
public sealed record SmtpTransportOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 25;

    /// <summary>The envelope sender and the From header address.</summary>
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }

    /// <summary>Persistent connections kept open (one MailKit SmtpClient each), and so the number of messages in flight at once.</summary>
    public int Connections { get; init; } = 4;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.None;

    /// <summary>
    /// Extra roots to trust, beside the system's, for a private CA or a test server's own certificate. The name on the
    /// certificate and its dates are still checked; there is no switch that turns the checks off.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    public string? User { get; init; }

    /// <summary>The password, or with <see cref="SmtpAuthMode.XOAuth2"/> the OAuth 2.0 access token.</summary>
    public string? Password { get; init; }

    public SmtpAuthMode Auth { get; init; } = SmtpAuthMode.Password;

    /// <summary>Credentials go in clear text only to a loopback server, or when this is true.</summary>
    public bool AllowAuthWithoutTls { get; init; }

    /// <summary>The EHLO argument; the connection's local address literal when unset.</summary>
    public string? HeloName { get; init; }

    /// <summary>How long to wait to connect and for any reply (a stuck server should not hold a batch for ever).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connection attempts in a row without delivering anything before a connection's share of a batch is given up.</summary>
    public int MaxReconnects { get; init; } = 3;

    public static SmtpTransportOptions FromMailOptions(MailOptions mail) => new()
    {
        Host = mail.SmtpHost ?? throw new ArgumentException("Mail:Smtp:Host is not set."),
        Port = mail.SmtpPort,
        FromAddress = mail.From,
        Connections = mail.Connections,
        Tls = mail.Tls,
        User = mail.User,
        Password = mail.Password,
        Auth = mail.Auth,
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("The SMTP host is empty.");
        if (Port is < 1 or > 65535) throw new ArgumentException($"SMTP port {Port} is out of range.");
        if (Connections is < 1 or > 256) throw new ArgumentException($"Connections must be from 1 to 256, not {Connections}.");
        if (User is not null && Password is null) throw new ArgumentException("An SMTP user needs a password (or, with XOAUTH2, an access token).");
        if (User is not null && Tls == SmtpTlsMode.None && !AllowAuthWithoutTls && !IsLoopback(Host))
            throw new ArgumentException($"Credentials would cross the network to {Host} in clear text: use STARTTLS or implicit TLS.");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
