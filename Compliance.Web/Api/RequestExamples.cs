using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Compliance.Web.Api;

/// <summary>An example request body for an operation, shown in the OpenAPI document and the API reference.</summary>
public sealed record RequestExample(string Json);

public static class RequestExampleEndpoints
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder endpoint, string json) =>
        endpoint.WithMetadata(new RequestExample(JsonNode.Parse(json)!.ToJsonString()));
}

public sealed class RequestExampleDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
        if (example is null || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        foreach (var (type, media) in content)
            if (type.Contains("json", StringComparison.Ordinal)) media.Example = JsonNode.Parse(example.Json);
        return Task.CompletedTask;
    }
}
