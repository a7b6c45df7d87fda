using System.Net.Security;

namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>Where and how <see cref="PipelinedSmtpTransport"/> sends.</summary>
public sealed record PipelinedSmtpOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 25;

    /// <summary>The envelope sender and the From header address.</summary>
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }

    /// <summary>Persistent connections kept open, and so the number of messages in flight at once.</summary>
    public int Connections { get; init; } = 4;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.None;

    /// <summary>Certificate checks stay on unless this is false (a test server with a self-signed certificate).</summary>
    public bool ValidateServerCertificate { get; init; } = true;

    /// <summary>Replaces the default certificate check when set (to pin a private CA, for instance).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>The name the certificate must carry; <see cref="Host"/> when unset.</summary>
    public string? TlsServerName { get; init; }

    public string? User { get; init; }
    public string? Password { get; init; }

    /// <summary>Credentials go in clear text only to a loopback server, or when this is true.</summary>
    public bool AllowAuthWithoutTls { get; init; }

    /// <summary>The EHLO argument; the connection's local address literal (such as [127.0.0.1]) when unset.</summary>
    public string? HeloName { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for any reply (RFC 5321 suggests minutes; a stuck server should not hold a batch for ever).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connection attempts in a row without delivering anything before a connection's share of a batch is given up.</summary>
    public int MaxReconnects { get; init; } = 3;

    public static PipelinedSmtpOptions FromMailOptions(MailOptions mail) => new()
    {
        Host = mail.SmtpHost ?? throw new ArgumentException("Mail:Smtp:Host is not set."),
        Port = mail.SmtpPort,
        FromAddress = mail.From,
        Connections = mail.Connections,
        Tls = mail.StartTls ? SmtpTlsMode.StartTls : SmtpTlsMode.None,
        User = mail.User,
        Password = mail.Password,
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("The SMTP host is empty.");
        if (Port is < 1 or > 65535) throw new ArgumentException($"SMTP port {Port} is out of range.");
        if (Connections is < 1 or > 256) throw new ArgumentException($"Connections must be from 1 to 256, not {Connections}.");
        if (User is not null && Password is null) throw new ArgumentException("An SMTP user needs a password.");
    }
}
