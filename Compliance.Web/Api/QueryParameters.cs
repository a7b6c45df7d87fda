using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Compliance.Web.Api;

/// <summary>
/// Query parameters an endpoint reads itself (so that it can name a bad one in a 400) rather than by binding: declared
/// with <see cref="QueryParameterEndpoints.WithQuery"/> or <see cref="QueryParameterEndpoints.WithPaging"/> so that the
/// OpenAPI document still lists them.
/// </summary>
public sealed record DocumentedQuery(string Name, string Description, JsonSchemaType Type = JsonSchemaType.String);

public static class QueryParameterEndpoints
{
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder endpoint, string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        endpoint.WithMetadata(new DocumentedQuery(name, description, type));

    /// <summary>A keyset-paged list: ?limit= and ?after= (see <see cref="PageRequest"/>).</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder endpoint) =>
        endpoint.WithQuery("limit", $"How many items a page holds, 1 to {PageRequest.MaxLimit} ({PageRequest.DefaultLimit} when absent).", JsonSchemaType.Integer)
            .WithQuery("after", "The cursor of the page to read: follow the previous page's \"next\" link rather than building it.");
}

public sealed class QueryParameterDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var query in context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedQuery>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = query.Description,
                Schema = new OpenApiSchema { Type = query.Type },
            });
        }
        return Task.CompletedTask;
    }
}
