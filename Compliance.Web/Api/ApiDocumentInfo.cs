using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Compliance.Web.Api;

/// <summary>The OpenAPI document's title and the conventions every operation shares, said once.</summary>
public sealed class ApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Breach notification tracker API",
            Version = "v1",
            Description =
                "Everything a person can do in the tracker, a program can do: log incidents and get each jurisdiction's duties " +
                "with deadlines and sources, import affected people, prepare and approve notices, compose and mark filings, manage " +
                "tasks, members, tokens and webhooks, and read the audit log.\n\n" +
                "- **Authentication**: `Authorization: Bearer <token>` (create one on your account page or with `Compliance.Web token create`). " +
                "The token acts as its user, with that member's role, and only in its organisation.\n" +
                "- **Errors** are `application/problem+json`. A 400 names each bad field in `errors`, keyed by its JSON path " +
                "(`affected[0].count`); 404 says the same whether an id is unknown or another organisation's.\n" +
                "- **Lists** are paged: `?limit=` (1-200, default 50) and `?after=` from the `next` link of the previous page; " +
                "`next` is null on the last page. The order is stable while you page.\n" +
                "- **Updates** answer with an `ETag`; send it back in `If-Match` and a stale edit is a 409 instead of overwriting someone's work.\n" +
                "- **Retries**: POSTs that send mail or file something take an `Idempotency-Key`; a retry with the same key gets the first answer again.\n" +
                "- **Times** are ISO 8601 with an offset, in the organisation's time zone.",
        };
        return Task.CompletedTask;
    }
}
