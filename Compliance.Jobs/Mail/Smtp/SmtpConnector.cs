using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Compliance.Jobs.Mail.Smtp;

/// <summary>
/// Opens one MailKit <see cref="SmtpClient"/> as configured: connected, secured (STARTTLS or implicit TLS, certificate
/// checks on), authenticated (PLAIN or LOGIN as MailKit negotiates, or XOAUTH2).
/// </summary>
internal sealed class SmtpConnector(SmtpTransportOptions options)
{
    /// <exception cref="SmtpOpenException">No usable session; the message says why, in the server's words when it gave any.</exception>
    public async Task<SmtpClient> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (options.HeloName is not null) client.LocalDomain = options.HeloName;
        if (options.TrustedRoots is { Count: > 0 } roots) client.ServerCertificateValidationCallback = new PrivateRoots(roots).Validate;
        // Our own socket, so that Nagle's algorithm is off: a message's last bytes (the final "." after its hand-off
        // commit) would otherwise wait for the server's delayed ACK of the segment before, up to 40 ms a message.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connecting.CancelAfter(options.Timeout);
                await socket.ConnectAsync(options.Host, options.Port, connecting.Token);
            }
            await client.ConnectAsync(socket, options.Host, options.Port, options.Tls switch
            {
                SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
                SmtpTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            }, ct);
            // BDAT announces a message's size before its content, so the hand-off gate could not hold its release back.
            client.Capabilities &= ~(SmtpCapabilities.Chunking | SmtpCapabilities.BinaryMime);
            if (options.User is { } user)
            {
                if (options.Auth == SmtpAuthMode.XOAuth2) await client.AuthenticateAsync(new SaslMechanismOAuth2(user, options.Password!), ct);
                else await client.AuthenticateAsync(user, options.Password!, ct);
            }
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            socket.Dispose();
            throw new SmtpOpenException(Describe(e), e);
        }
    }

    private string Describe(Exception e) => e switch
    {
        System.Net.Sockets.SocketException s => $"cannot connect to {options.Host}:{options.Port}: {s.Message}",
        SslHandshakeException => $"TLS with {options.Host} failed: the certificate was not trusted or the handshake broke ({e.Message.Split('\n')[0].Trim()})",
        NotSupportedException when options.Tls == SmtpTlsMode.StartTls => "the server does not offer STARTTLS, which the configuration requires",
        AuthenticationException or SmtpCommandException when e.Message.Length > 0 => $"the server refused the credentials: {Reply(e)}",
        OperationCanceledException or TimeoutException => $"no answer from {options.Host}:{options.Port} within {options.Timeout.TotalSeconds:0} s",
        _ => $"could not open an SMTP session with {options.Host}:{options.Port}: {e.Message}",
    };

    private static string Reply(Exception e) => e switch
    {
        SmtpCommandException c => SmtpReplies.Text(c),
        { InnerException: SmtpCommandException c } => SmtpReplies.Text(c),
        _ => e.Message,
    };

    /// <summary>The system's trust plus roots given explicitly (a private CA, a test server): the name and dates still count.</summary>
    private sealed class PrivateRoots(X509Certificate2Collection roots)
    {
        public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None) return true;
            // Only an untrusted chain can be cured by our roots; a wrong name or no certificate cannot.
            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null) return false;
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a private CA publishes no revocation list
            if (chain is not null)
                foreach (var element in chain.ChainElements.Skip(1)) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        }
    }
}

/// <summary>A session could not be opened (no connection, TLS refused, credentials refused, STARTTLS missing).</summary>
internal sealed class SmtpOpenException(string message, Exception inner) : Exception(message, inner);
