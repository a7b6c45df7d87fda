using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Compliance.Jobs.Mail.Pipelined.Protocol;

namespace Compliance.Jobs.Mail.Pipelined;

/// <summary>
/// One open SMTP connection, ready for mail transactions: connected with Nagle off (each pipelined group is one
/// write, and Nagle would hold the last small one for the peer's delayed ACK), greeted, EHLO'd, secured and
/// authenticated as configured.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    private readonly PipelinedSmtpOptions options;
    private readonly Socket socket;
    private bool secured;

    private SmtpSession(Socket socket, PipelinedSmtpOptions options)
    {
        this.socket = socket;
        this.options = options;
        Wire = new SmtpWire(new NetworkStream(socket, ownsSocket: true), options.ReplyTimeout);
    }

    public SmtpWire Wire { get; }
    public ServerCapabilities Capabilities { get; private set; } = ServerCapabilities.None;

    /// <exception cref="SmtpSessionException">The server refused the session (its reply is in the message).</exception>
    /// <exception cref="IOException">No connection, or it was lost while opening.</exception>
    public static async Task<SmtpSession> OpenAsync(PipelinedSmtpOptions options, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connect.CancelAfter(options.ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(options.Host, options.Port, connect.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new SmtpConnectionLostException($"no connection to {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0} s");
                }
                catch (SocketException e)
                {
                    throw new SmtpConnectionLostException($"cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
                }
            }
            var session = new SmtpSession(socket, options);
            try
            {
                session.Wire.Use(ct);
                await session.HandshakeAsync(ct);
                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task HandshakeAsync(CancellationToken ct)
    {
        if (options.Tls == SmtpTlsMode.Implicit) await SecureAsync(ct);
        var greeting = await Wire.ReadReplyAsync();
        if (greeting.Code != 220) throw new SmtpSessionException($"the server refused the connection: {greeting}");
        Capabilities = await HelloAsync();
        if (options.Tls == SmtpTlsMode.StartTls)
        {
            if (!Capabilities.StartTls) throw new SmtpSessionException("the server does not offer STARTTLS, which the configuration requires");
            var ready = await ExchangeAsync("STARTTLS");
            if (ready.Code != 220) throw new SmtpSessionException($"the server refused STARTTLS: {ready}");
            await SecureAsync(ct);
            Capabilities = await HelloAsync(); // RFC 3207: forget what was said in clear text
        }
        if (options.User is not null) await AuthenticateAsync(options.User, options.Password ?? "");
    }

    private async Task<ServerCapabilities> HelloAsync()
    {
        var name = options.HeloName ?? AddressLiteral(socket.LocalEndPoint);
        var ehlo = await ExchangeAsync($"EHLO {name}");
        if (ehlo.IsPositive) return ServerCapabilities.FromEhlo(ehlo.Lines);
        var helo = await ExchangeAsync($"HELO {name}");
        return helo.IsPositive ? ServerCapabilities.None : throw new SmtpSessionException($"the server refused EHLO and HELO: {helo}");
    }

    private async Task SecureAsync(CancellationToken ct)
    {
        var validation = options.ServerCertificateValidation
            ?? (options.ValidateServerCertificate ? null : new RemoteCertificateValidationCallback((_, _, _, _) => true));
        var tls = new SslStream(Wire.Stream, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ReplyTimeout);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = options.TlsServerName ?? options.Host,
                RemoteCertificateValidationCallback = validation,
            }, timeout.Token);
        }
        catch (AuthenticationException e)
        {
            throw new SmtpSessionException($"TLS with {options.Host} failed: {e.Message}", e);
        }
        Wire.Upgrade(tls);
        secured = true;
    }

    private async Task AuthenticateAsync(string user, string password)
    {
        var loopback = socket.RemoteEndPoint is IPEndPoint remote && IPAddress.IsLoopback(remote.Address);
        if (!secured && !loopback && !options.AllowAuthWithoutTls)
            throw new SmtpSessionException("refusing to send the SMTP password without TLS (set Tls, or AllowAuthWithoutTls)");
        var mechanisms = Capabilities.AuthMechanisms;
        SmtpReply reply;
        if (mechanisms.Contains("PLAIN"))
        {
            reply = await ExchangeAsync($"AUTH PLAIN {Base64($"\0{user}\0{password}")}");
        }
        else if (mechanisms.Contains("LOGIN"))
        {
            reply = await ExchangeAsync("AUTH LOGIN");
            if (reply.Code == 334) reply = await ExchangeAsync(Base64(user));
            if (reply.Code == 334) reply = await ExchangeAsync(Base64(password));
        }
        else
        {
            throw new SmtpSessionException(mechanisms.Count == 0
                ? "credentials are configured but the server offers no AUTH"
                : $"the server offers neither AUTH PLAIN nor LOGIN (it offers {string.Join(", ", mechanisms)})");
        }
        if (!reply.IsPositive) throw new SmtpSessionException($"the server refused the credentials: {reply}");
    }

    /// <summary>One command and its reply, in lock step; a 421 ends the session.</summary>
    public async Task<SmtpReply> ExchangeAsync(string command)
    {
        Wire.Command(command);
        await Wire.FlushAsync();
        var reply = await Wire.ReadReplyAsync();
        if (reply.IsClosing) throw new SmtpConnectionLostException($"the server is closing the connection: {reply}");
        return reply;
    }

    /// <summary>
    /// Whether an idle connection can still carry a transaction, checked without a round trip: an idle server
    /// has nothing to say, so anything readable (a close, a 421 before closing) means it is finished.
    /// </summary>
    public bool LooksAlive()
    {
        try
        {
            return !socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Says goodbye politely; a server that has gone already is no reason to complain.</summary>
    public async Task QuitAsync()
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            Wire.Use(quick.Token);
            Wire.Command("QUIT");
            await Wire.FlushAsync();
            await Wire.ReadReplyAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string AddressLiteral(EndPoint? local) => local is IPEndPoint { Address: var address }
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) switch
        {
            { AddressFamily: AddressFamily.InterNetworkV6 } v6 => $"[IPv6:{v6}]",
            var v4 => $"[{v4}]",
        }
        : "localhost";

    public ValueTask DisposeAsync() => Wire.DisposeAsync();
}
