using Compliance.Jobs.Mail;
using System.Security.Cryptography.X509Certificates;
using Compliance.Jobs.Mail.Smtp;
using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

// STARTTLS, certificate checks and AUTH LOGIN through MailKit against a server that does them for real; refused recipients while pipelining.
public sealed class StartTlsAndAuthTests
{
    private static SmtpMailTransport Transport(TlsSmtpServer server, Func<SmtpTransportOptions, SmtpTransportOptions> configure) =>
        Notices.Transport(server.Port, connections: 1, configure: o => configure(o with { Tls = Compliance.Jobs.Mail.SmtpTlsMode.StartTls, User = "campaigns", Password = "s3cret" }));

    [Fact]
    public async Task With_STARTTLS_and_AUTH_LOGIN_the_message_travels_encrypted_and_authenticated()
    {
        await using var server = new TlsSmtpServer();
        await using var transport = Transport(server, o => o with { TrustedRoots = Trust(server) });

        var result = await transport.SendAsync(Notices.Numbered(1) with { Subject = Notices.ChineseSubject });

        Assert.Equal((MailOutcome.Sent, "250 2.0.0 queued"), (result.Outcome, result.Reply));
        var received = Assert.Single(server.Messages);
        Assert.True(received.OverTls);
        Assert.Equal("campaigns", received.User);
        Assert.Equal(Notices.ChineseSubject, Parsed.From(received.Content).Subject);
        Assert.Equal(["EHLO", "STARTTLS", "EHLO", "AUTH"], server.Commands.Take(4));
    }

    [Fact]
    public async Task A_certificate_nobody_vouches_for_is_refused_by_default_and_nothing_is_sent()
    {
        await using var server = new TlsSmtpServer();
        await using var transport = Transport(server, o => o);

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.RetryLater, result.Outcome);
        Assert.Contains("TLS", result.Reply);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("AUTH", server.Commands);
    }

    [Fact]
    public async Task A_trusted_root_does_not_excuse_a_certificate_made_out_to_another_name()
    {
        await using var server = new TlsSmtpServer(names: ["mail.other.example"]);
        await using var transport = Transport(server, o => o with { TrustedRoots = Trust(server) });

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.RetryLater, result.Outcome);
        Assert.Contains("TLS", result.Reply);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("AUTH", server.Commands);
    }

    [Fact]
    public async Task An_OAuth2_access_token_is_presented_with_XOAUTH2_when_configured()
    {
        await using var server = new TlsSmtpServer(password: "ya29.token-from-the-provider");
        await using var transport = Transport(server, o => o with
        {
            TrustedRoots = Trust(server), Auth = Compliance.Jobs.Mail.SmtpAuthMode.XOAuth2, Password = "ya29.token-from-the-provider",
        });

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.Sent, result.Outcome);
        Assert.Equal(["XOAUTH2"], server.Mechanisms);
        Assert.Equal("campaigns", Assert.Single(server.Messages).User);
    }

    [Fact]
    public async Task Implicit_TLS_from_the_first_byte_delivers_with_the_certificate_checked()
    {
        await using var server = new TlsSmtpServer(implicitTls: true);
        await using var transport = Notices.Transport(server.Port, connections: 1, configure: o => o with
        {
            Tls = Compliance.Jobs.Mail.SmtpTlsMode.Implicit, User = "campaigns", Password = "s3cret", TrustedRoots = Trust(server),
        });

        var result = await transport.SendAsync(Notices.Numbered(1) with { Subject = Notices.ArabicSubject });

        Assert.Equal((MailOutcome.Sent, "250 2.0.0 queued"), (result.Outcome, result.Reply));
        var received = Assert.Single(server.Messages);
        Assert.True(received.OverTls);
        Assert.Equal("campaigns", received.User);
        Assert.Equal(Notices.ArabicSubject, Parsed.From(received.Content).Subject);
        Assert.DoesNotContain("STARTTLS", server.Commands);
    }

    private static X509Certificate2Collection Trust(TlsSmtpServer server) => [X509CertificateLoader.LoadCertificate(server.Certificate.RawData)];

    [Fact]
    public async Task Wrong_credentials_are_RetryLater_with_the_servers_refusal()
    {
        await using var server = new TlsSmtpServer();
        await using var transport = Transport(server, o => o with { TrustedRoots = Trust(server), Password = "wrong" });

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.RetryLater, result.Outcome);
        Assert.Contains("535 5.7.8 authentication failed", result.Reply);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_server_without_STARTTLS_is_refused_when_TLS_is_required()
    {
        using var sink = new SmtpSink();
        await using var transport = Notices.Transport(sink.Port, configure: o => o with { Tls = Compliance.Jobs.Mail.SmtpTlsMode.StartTls });

        var result = await transport.SendAsync(Notices.Numbered(1));

        Assert.Equal(MailOutcome.RetryLater, result.Outcome);
        Assert.Contains("does not offer STARTTLS", result.Reply);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_refused_recipient_in_a_pipelined_batch_is_Failed_alone_and_the_session_is_reset_for_the_next()
    {
        await using var server = new TlsSmtpServer();
        await using var transport = Transport(server, o => o with { TrustedRoots = Trust(server) });

        var results = await transport.SendManyAsync([
            Notices.Numbered(1),
            Notices.Numbered(2) with { To = "refuse-me@example.org" },
            Notices.Numbered(3),
        ]);

        Assert.Equal([(MailOutcome.Sent, "250 2.0.0 queued"), (MailOutcome.Failed, "550 5.1.1 no such user here"), (MailOutcome.Sent, "250 2.0.0 queued")],
            results.Select(r => (r.Outcome, r.Reply)));
        Assert.Equal(["supporter1@example.org", "supporter3@example.org"], server.Messages.Select(m => m.To));
        Assert.Contains("RSET", server.Commands);
        Assert.Single(server.Commands, c => c == "STARTTLS"); // one connection throughout
    }
}
