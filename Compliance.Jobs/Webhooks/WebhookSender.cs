using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Persistence;
using Compliance.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// One attempt of one delivery. The delivery row decides: the attempt is claimed by moving its count from the number
/// the job was given, so a job run twice (or two at once) sends once, and nothing is sent after a 2xx or after giving
/// up. A 2xx marks it delivered; anything else (a status, a timeout, a refused address) is recorded and the next
/// attempt planned by the backoff, which the sweep then enqueues.
/// </summary>
public sealed class WebhookSender(Func<ComplianceDbContext> openDb, IHttpClientFactory http, IWebhookSecretProtector secrets, IClock clock,
    ILogger<WebhookSender> log)
{
    public async Task<WebhookAttempt?> SendAsync(Guid deliveryId, int attempt, CancellationToken ct = default)
    {
        await using var db = openDb();
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Attempts == attempt && d.DeliveredAt == null && d.GivenUpAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempt + 1), ct);
        if (claimed == 0) return null;
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == delivery.EndpointId, ct);

        var result = endpoint.Enabled
            ? await PostAsync(endpoint, delivery, ct)
            : new Result(null, null, Duration.Zero, "The endpoint is disabled; enable it and replay the delivery.");
        var now = clock.GetCurrentInstant();
        var recorded = new WebhookAttempt(delivery, attempt + 1, now, result.Status, result.Excerpt, result.Took, result.Error);
        db.WebhookAttempts.Add(recorded);
        if (recorded.Succeeded) delivery.Delivered(now);
        else if (!endpoint.Enabled) delivery.GiveUp(now);
        else delivery.Failed(now);
        await db.SaveChangesAsync(CancellationToken.None);
        if (!recorded.Succeeded)
            log.LogWarning("Webhook delivery {Delivery} ({Type}) attempt {Attempt} to endpoint {Endpoint} failed: {Status} {Error}",
                delivery.Id, delivery.EventType, attempt + 1, endpoint.Id, result.Status, result.Error);
        return recorded;
    }

    private sealed record Result(int? Status, string? Excerpt, Duration Took, string? Error);

    private async Task<Result> PostAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds();
        string secret;
        try
        {
            secret = secrets.Unprotect(endpoint.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return new Result(null, null, Duration.Zero, "The endpoint's secret cannot be read with this key ring; rotate the secret.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, delivery.EventId, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("Compliance-Webhooks/1");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var excerpt = await ExcerptAsync(response, ct);
            return new Result((int)response.StatusCode, excerpt, Elapsed(started), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            var error = e is TaskCanceledException ? "No answer within the timeout." : e.Message;
            return new Result(null, null, Elapsed(started), error);
        }
    }

    private static Duration Elapsed(long started) => Duration.FromTimeSpan(Stopwatch.GetElapsedTime(started));

    /// <summary>The first kilobyte of the answer, as text.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookAttempt.ExcerptLength];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n && n > 0) read += n;
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > WebhookAttempt.ExcerptLength ? text[..WebhookAttempt.ExcerptLength] : text;
    }
}
