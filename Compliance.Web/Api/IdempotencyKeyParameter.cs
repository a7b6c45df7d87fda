using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Compliance.Web.Api;

/// <summary>Documents the Idempotency-Key header on the operations that accept one.</summary>
public sealed class IdempotencyKeyParameter : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentOperation>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotency.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A key of your choice (a UUID) that makes a retry harmless: the same key with the same request within 24 hours " +
                          "returns the first answer (with Idempotent-Replayed: true) and does nothing again; with another request it is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Compliance.Domain.Idempotency.IdempotentRequest.KeyLength },
        });
        return Task.CompletedTask;
    }
}
