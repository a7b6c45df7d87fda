using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Compliance.Tests.Support;

namespace Compliance.Tests.Mail;

/// <summary>
/// A small SMTP server on loopback for what smtp-sink cannot do: STARTTLS with a self-signed certificate,
/// AUTH LOGIN with a real check, and refusing single recipients (any address starting with "refuse") while
/// pipelining. It records each message with how it arrived.
/// </summary>
public sealed class TlsSmtpServer : IAsyncDisposable
{
    public sealed record Received(string From, string To, string Content, bool OverTls, string? User)
    {
        /// <summary>When its final "." arrived (<see cref="System.Diagnostics.Stopwatch"/> ticks), to order it against the test's own steps.</summary>
        public long ArrivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly string user, password;
    private readonly bool implicitTls;

    /// <param name="names">The DNS names the certificate is made out to (localhost and 127.0.0.1 when not given).</param>
    /// <param name="implicitTls">TLS from the first byte (as on port 465) instead of STARTTLS.</param>
    public TlsSmtpServer(string user = "campaigns", string password = "s3cret", string[]? names = null, bool implicitTls = false)
    {
        this.user = user;
        this.password = password;
        this.implicitTls = implicitTls;
        Certificate = SelfSigned(names);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }
    public X509Certificate2 Certificate { get; }
    public ConcurrentQueue<Received> Messages { get; } = new();
    public ConcurrentQueue<string> Commands { get; } = new();
    public ConcurrentQueue<string> Mechanisms { get; } = new();
    public ConcurrentQueue<string> MailCommands { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        bool tls = false, anyRecipient = false;
        string? authenticated = null, from = null, to = null;
        try
        {
            if (implicitTls)
            {
                var secured = new SslStream(stream);
                await secured.AuthenticateAsServerAsync(Certificate);
                (stream, tls) = (secured, true);
            }
            var (reader, writer) = Open(stream);
            await writer.WriteAsync("220 tls-test ESMTP\r\n");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                Commands.Enqueue(verb);
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync($"250-tls-test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n{(tls ? "" : "250-STARTTLS\r\n")}250 AUTH LOGIN XOAUTH2\r\n");
                        break;
                    case "STARTTLS":
                        await writer.WriteAsync("220 2.0.0 ready\r\n");
                        var upgraded = new SslStream(stream);
                        await upgraded.AuthenticateAsServerAsync(Certificate);
                        stream = upgraded;
                        (reader, writer) = Open(stream);
                        tls = true;
                        break;
                    case "AUTH" when line.Split(' ') is [_, "XOAUTH2", var initial]:
                        // "user=NAME\x01auth=Bearer TOKEN\x01\x01"; the password stands in for the token.
                        var fields = Decode(initial).Split('\x01', StringSplitOptions.RemoveEmptyEntries);
                        var bearer = fields.FirstOrDefault(f => f.StartsWith("auth=Bearer ", StringComparison.Ordinal))?["auth=Bearer ".Length..];
                        authenticated = fields.Contains($"user={user}") && bearer == password ? user : null;
                        await writer.WriteAsync(authenticated is null ? "535 5.7.8 authentication failed\r\n" : "235 2.7.0 accepted\r\n");
                        if (authenticated is not null) Mechanisms.Enqueue("XOAUTH2");
                        break;
                    case "AUTH":
                        Mechanisms.Enqueue(line.Split(' ')[1].ToUpperInvariant());
                        await writer.WriteAsync("334 VXNlcm5hbWU6\r\n");
                        var name = Decode(await reader.ReadLineAsync());
                        await writer.WriteAsync("334 UGFzc3dvcmQ6\r\n");
                        var secret = Decode(await reader.ReadLineAsync());
                        authenticated = name == user && secret == password ? name : null;
                        await writer.WriteAsync(authenticated is null ? "535 5.7.8 authentication failed\r\n" : "235 2.7.0 accepted\r\n");
                        break;
                    case "MAIL":
                        MailCommands.Enqueue(line);
                        from = Address(line);
                        anyRecipient = false;
                        await writer.WriteAsync("250 2.1.0 ok\r\n");
                        break;
                    case "RCPT":
                        var refused = Address(line).StartsWith("refuse", StringComparison.Ordinal);
                        if (!refused) (to, anyRecipient) = (Address(line), true);
                        await writer.WriteAsync(refused ? "550 5.1.1 no such user here\r\n" : "250 2.1.5 ok\r\n");
                        break;
                    case "DATA" when !anyRecipient:
                        await writer.WriteAsync("554 5.5.1 no valid recipients\r\n");
                        break;
                    case "DATA":
                        await writer.WriteAsync("354 go ahead\r\n");
                        var content = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } data && data != ".") content.Append(data.StartsWith('.') ? data[1..] : data).Append("\r\n");
                        Messages.Enqueue(new Received(from!, to!, content.ToString(), tls, authenticated));
                        await writer.WriteAsync("250 2.0.0 queued\r\n");
                        break;
                    case "RSET":
                        (from, to, anyRecipient) = (null, null, false);
                        await writer.WriteAsync("250 2.0.0 ok\r\n");
                        break;
                    case "QUIT":
                        await writer.WriteAsync("221 2.0.0 bye\r\n");
                        return;
                    default:
                        await writer.WriteAsync("502 5.5.2 not implemented\r\n");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away, or refused our certificate: both are cases under test.
        }
    }

    private static (StreamReader, StreamWriter) Open(Stream stream) =>
        (new StreamReader(stream, new UTF8Encoding(false), false, 1024, leaveOpen: true),
         new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true });

    private static string Address(string command) => command[(command.IndexOf('<') + 1)..command.IndexOf('>')];

    private static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));

    private static X509Certificate2 SelfSigned(string[]? names)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={names?[0] ?? "localhost"}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var alternatives = new SubjectAlternativeNameBuilder();
        if (names is null)
        {
            alternatives.AddDnsName("localhost");
            alternatives.AddIpAddress(IPAddress.Loopback);
        }
        else foreach (var name in names) alternatives.AddDnsName(name);
        request.CertificateExtensions.Add(alternatives.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(90));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
        Certificate.Dispose();
    }
}
