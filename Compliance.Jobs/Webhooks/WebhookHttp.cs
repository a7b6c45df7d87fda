using System.Net;
using System.Net.Sockets;
using Compliance.Domain.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// The HTTP client deliveries go out with: no redirects (a 30x to an internal host would get round the address
/// rule), no cookies, the configured timeout, and every address a host name resolves to checked against
/// <see cref="WebhookAddressRule"/> when the connection is opened, so DNS cannot point a public-looking name inside.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services, WebhookOptions options, WebhookAddressRule rule)
    {
        services.AddHttpClient(ClientName, c => c.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                ConnectCallback = (context, ct) => ConnectAsync(rule, context, ct),
            });
        return services;
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookAddressRule rule, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !rule.Refuses(a)).ToList();
        if (allowed.Count == 0 || allowed.Count < addresses.Length)
            throw new HttpRequestException($"{host} resolves to an address that is not public; webhooks are only sent to public addresses.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.Select(a => new IPEndPoint(a, context.DnsEndPoint.Port)).First(), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
