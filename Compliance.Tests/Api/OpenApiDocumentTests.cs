using System.Text.Json;
using Compliance.Domain.Persistence;

namespace Compliance.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiServers servers)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_a_summary_and_its_401()
    {
        var world = await servers.For(DatabaseProvider.Sqlite);
        var paths = JsonDocument.Parse(await world.App.Client.GetStringAsync("/api/openapi/v1.json")).RootElement.GetProperty("paths");

        (string Path, string Method)[] expected =
        [
            ("/api/v1/me", "get"),
            ("/api/v1/incidents", "get"), ("/api/v1/incidents", "post"),
            ("/api/v1/incidents/{id}", "get"), ("/api/v1/incidents/{id}", "patch"),
            ("/api/v1/incidents/{id}/obligations", "get"),
            ("/api/v1/obligations/{id}/decision", "post"), ("/api/v1/obligations/{id}/fulfilment", "post"),
            ("/api/v1/evidence/{id}", "get"),
            ("/api/v1/incidents/{id}/timeline", "get"), ("/api/v1/incidents/{id}/timeline", "post"),
            ("/api/v1/incidents/{id}/audit", "get"),
            ("/api/v1/incidents/{id}/contacts", "get"), ("/api/v1/incidents/{id}/contacts", "post"),
            ("/api/v1/incidents/{id}/tasks", "get"), ("/api/v1/incidents/{id}/tasks", "post"), ("/api/v1/incidents/{id}/tasks/{taskId}", "patch"),
            ("/api/v1/incidents/{id}/tasks/{taskId}", "get"), ("/api/v1/incidents/{id}/tasks/{taskId}/evidence", "get"),
            ("/api/v1/incidents/{id}/tasks/{taskId}/completion", "post"),
            ("/api/v1/incidents/{id}/risk-assessment", "get"), ("/api/v1/incidents/{id}/risk-assessment/proposal", "post"),
            ("/api/v1/incidents/{id}/notices", "get"), ("/api/v1/incidents/{id}/notices/{language}", "get"), ("/api/v1/incidents/{id}/notices/{language}", "put"),
            ("/api/v1/incidents/{id}/notices/{language}/test", "post"), ("/api/v1/incidents/{id}/people/{personId}/notice-preview", "get"),
            ("/api/v1/incidents/{id}/campaigns", "get"), ("/api/v1/incidents/{id}/campaigns", "post"), ("/api/v1/incidents/{id}/campaigns/{campaignId}", "get"),
            ("/api/v1/incidents/{id}/campaigns/{campaignId}/approve", "post"), ("/api/v1/incidents/{id}/campaigns/{campaignId}/cancel", "post"),
            ("/api/v1/incidents/{id}/campaigns/{campaignId}/resend-unconfirmed", "post"),
            ("/api/v1/incidents/{id}/campaigns/{campaignId}/proof.csv", "get"), ("/api/v1/incidents/{id}/campaigns/{campaignId}/proof.pdf", "get"),
            ("/api/v1/incidents/{id}/people", "get"), ("/api/v1/incidents/{id}/people/{personId}", "patch"), ("/api/v1/incidents/{id}/people/counts", "post"),
            ("/api/v1/incidents/{id}/people/uploads", "post"), ("/api/v1/incidents/{id}/people/uploads/{uploadId}", "get"),
            ("/api/v1/incidents/{id}/people/uploads/{uploadId}/check", "post"), ("/api/v1/incidents/{id}/people/uploads/{uploadId}/import", "post"),
            ("/api/v1/incidents/{id}/filings/{jurisdiction}", "get"), ("/api/v1/incidents/{id}/filings/{jurisdiction}", "post"),
            ("/api/v1/incidents/{id}/filings/{jurisdiction}/versions/{filingId}.pdf", "get"),
            ("/api/v1/incidents/{id}/filings/{jurisdiction}/versions/{filingId}/filed", "post"),
            ("/api/v1/members", "get"), ("/api/v1/members", "post"), ("/api/v1/members/{userId}", "patch"), ("/api/v1/members/{userId}", "delete"),
            ("/api/v1/members/{userId}/reset-two-factor", "post"),
            ("/api/v1/tokens", "get"), ("/api/v1/tokens", "post"), ("/api/v1/tokens/{tokenId}", "delete"),
            ("/api/v1/audit", "get"),
            ("/api/v1/webhooks", "get"), ("/api/v1/webhooks", "post"),
            ("/api/v1/webhooks/{id}", "get"), ("/api/v1/webhooks/{id}", "patch"), ("/api/v1/webhooks/{id}", "delete"),
            ("/api/v1/webhooks/{id}/rotate-secret", "post"), ("/api/v1/webhooks/{id}/deliveries", "get"),
            ("/api/v1/webhooks/deliveries/{deliveryId}/replay", "post"),
            ("/api/v1/organisation", "get"), ("/api/v1/organisation", "patch"),
            ("/api/v1/task-templates", "get"), ("/api/v1/task-templates", "put"),
            ("/api/v1/mail", "get"), ("/api/v1/mail/{id}/retry", "post"),
        ];
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is missing");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), $"{method.ToUpperInvariant()} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method.ToUpperInvariant()} {path} does not mention 401");
        }
    }
}
