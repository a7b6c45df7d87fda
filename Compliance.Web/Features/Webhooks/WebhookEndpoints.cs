using Compliance.Domain.Json;
using Compliance.Domain.Webhooks;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Webhooks;

/// <summary>
/// /webhooks: the organisation's webhook endpoints (admins only), with the same handlers, checks and audit lines as
/// the Webhooks page. The signing secret is answered once, on creation and on rotation.
/// </summary>
public static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");

        webhooks.MapGet("/", ListAsync)
            .WithName("ListWebhookEndpoints")
            .WithSummary("The organisation's webhook endpoints, oldest first (admins only).")
            .WithPaging()
            .Produces<PageResource<WebhookEndpointResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        webhooks.MapPost("/", CreateAsync)
            .WithName("CreateWebhookEndpoint")
            .WithRequestExample("""{ "url": "https://hooks.example.org/breach-tracker", "description": "Incident channel", "events": ["incident.created", "duty.added", "duty.due-soon", "duty.overdue"] }""")
            .WithSummary("Register an https:// endpoint for some event types (" + string.Join(", ", WebhookEvents.All) + "). " +
                         "The answer carries the signing secret (whsec_...) this once; deliveries are signed in the Standard Webhooks way.")
            .Accepts<WebhookEndpointBody>("application/json")
            .Produces<WebhookEndpointWithSecret>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        webhooks.MapGet("/{id:guid}", GetAsync)
            .WithName("GetWebhookEndpoint")
            .WithSummary("One endpoint, without its secret; the ETag is its version.")
            .Produces<WebhookEndpointResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPatch("/{id:guid}", PatchAsync)
            .WithName("ChangeWebhookEndpoint")
            .WithRequestExample("""{ "events": ["duty.due-soon", "duty.overdue", "filing.filed"], "enabled": true }""")
            .WithSummary("Change the url, description, events or enabled (false stops deliveries). Send If-Match: \"version\" to refuse a stale edit with 409.")
            .Accepts<WebhookEndpointPatchBody>("application/json", "application/merge-patch+json")
            .Produces<WebhookEndpointResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        webhooks.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("RemoveWebhookEndpoint")
            .WithSummary("Remove an endpoint with its deliveries; the audit log keeps its address.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id:guid}/rotate-secret", RotateAsync)
            .WithName("RotateWebhookSecret")
            .WithSummary("Replace the endpoint's signing secret; the new one is in the answer, this once, and signs every delivery from now on.")
            .Produces<WebhookEndpointWithSecret>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{id:guid}/deliveries", WebhookDeliveryEndpoints.ListAsync)
            .WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's deliveries, newest first (paged: limit, after), each with its payload and every attempt's status, answer excerpt and error.")
            .WithPaging()
            .Produces<PageResource<WebhookDeliveryResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/deliveries/{deliveryId:guid}/replay", WebhookDeliveryEndpoints.ReplayAsync)
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Send a delivery again now (same event id and payload), whether it was delivered, is waiting to retry or was given up.")
            .Produces<WebhookReplayResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();
    }

    public static string UrlOf(Guid id) => $"/api/v1/webhooks/{id}";

    private static async Task<IResult> ListAsync(HttpContext http, WebhookReads reads, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var list = await reads.EndpointsAsync(actor, ct);
        if (!list.IsOk) return ApiResults.From(list, _ => Results.Empty);
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var paged = page.Slice(list.Value!, e => [CursorKey.Ascending(e.CreatedAt), CursorKey.Of(e.Id)]);
        return Results.Ok(PageResource<WebhookEndpointResource>.From(paged.Select(e => WebhookEndpointResource.From(e, zone)), http.Request));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, AddWebhookEndpoint add, ReaderZones zones, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var fields = WebhookBodyReader.Read(reader, body.Root, patch: false);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        var added = await add.HandleAsync(actor, new AddWebhookEndpoint.Request(fields.Url, fields.Description, fields.Events), ct);
        if (!added.IsOk) return ApiResults.From(added, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        http.Response.Headers.ETag = WebhookEndpointResource.ETagOf(added.Value!.Endpoint);
        return Results.Created(UrlOf(added.Value.Endpoint.Id), new WebhookEndpointWithSecret(WebhookEndpointResource.From(added.Value.Endpoint, zone), added.Value.Secret));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, WebhookReads reads, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await reads.EndpointAsync(actor, id, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        http.Response.Headers.ETag = WebhookEndpointResource.ETagOf(found.Value!);
        return Results.Ok(WebhookEndpointResource.From(found.Value!, zone));
    }

    private static async Task<IResult> PatchAsync(Guid id, HttpContext http, WebhookReads reads, ChangeWebhookEndpoint change, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await reads.EndpointAsync(actor, id, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var fields = WebhookBodyReader.Read(reader, body.Root, patch: true);
        var version = WebhookBodyReader.IfMatch(reader, http.Request.Headers.IfMatch.ToString(), fields.Version);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        var changed = await change.HandleAsync(actor, new ChangeWebhookEndpoint.Request(id, fields.Url, fields.Description, fields.Events, fields.Enabled, version), ct);
        if (!changed.IsOk) return ApiResults.From(changed, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        http.Response.Headers.ETag = WebhookEndpointResource.ETagOf(changed.Value!);
        return Results.Ok(WebhookEndpointResource.From(changed.Value!, zone));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, RemoveWebhookEndpoint remove, CancellationToken ct) =>
        ApiResults.From(await remove.HandleAsync(http.Actor(), id, ct), _ => Results.NoContent());

    private static async Task<IResult> RotateAsync(Guid id, HttpContext http, RotateWebhookSecret rotate, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var rotated = await rotate.HandleAsync(actor, id, ct);
        if (!rotated.IsOk) return ApiResults.From(rotated, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        http.Response.Headers.ETag = WebhookEndpointResource.ETagOf(rotated.Value!.Endpoint);
        return Results.Ok(new WebhookEndpointWithSecret(WebhookEndpointResource.From(rotated.Value.Endpoint, zone), rotated.Value.Secret));
    }
}
