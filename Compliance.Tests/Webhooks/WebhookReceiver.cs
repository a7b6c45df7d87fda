using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Compliance.Tests.Webhooks;

/// <summary>A receiver on loopback (Kestrel): records each POST and answers with the next status it was told, else 204.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Id, long Timestamp, string Signature, string ContentType, string Body);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> answers = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url => app.Urls.First() + "/hooks/breach";

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) answers.Enqueue(status);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/breach", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(http.Request.Headers["webhook-id"].ToString(),
                long.Parse(http.Request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                http.Request.Headers["webhook-signature"].ToString(), http.Request.ContentType ?? "", body));
            var status = receiver.answers.TryDequeue(out var s) ? s : StatusCodes.Status204NoContent;
            return status >= 500 ? Results.Text("receiver is down for maintenance " + new string('x', 2000), statusCode: status) : Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
