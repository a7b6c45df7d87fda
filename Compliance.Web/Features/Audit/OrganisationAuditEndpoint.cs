using Compliance.Domain.Audit;
using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Audit;

/// <summary>
/// GET /audit: the organisation's whole log, newest first, with the audit page's filters and for the same roles. Pages are
/// a keyset on the sequence, so lines written while a tool pages through never make it skip or repeat one.
/// </summary>
public static class OrganisationAuditEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", HandleAsync)
            .WithTags("Audit")
            .WithName("OrganisationAudit")
            .WithSummary("The organisation's audit log, newest first, with the audit page's filters (admins, security leads and legal staff).")
            .WithQuery("actor", "Only the lines of this person (their email, as the lines name them).")
            .WithQuery("kind", "Only this kind of line: " + string.Join(", ", AuditActions.Groups) + ".")
            .WithQuery("from", "From this date (a whole day in the organisation's zone) or ISO instant with offset.")
            .WithQuery("to", "Until this date, included, or ISO instant with offset, excluded.")
            .WithQuery("incident", "Only the lines about this incident (its id).")
            .WithQuery("includeReads", "true to include views and exports, which are left out by default.", Microsoft.OpenApi.JsonSchemaType.Boolean)
            .WithPaging()
            .Produces<PageResource<OrganisationAuditEntryResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(HttpContext http, OrganisationAudit audit, IncidentAccess access, ReaderZones zones, IClock clock,
        CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ExportAudit, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (page, problem) = PageRequest.From(http.Request, 1);
        if (problem is not null) return problem;
        long? before = null;
        if (page.After is [var cursor])
        {
            if (!long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
                return ApiResults.Invalid("after", "is not a cursor this list gave; start again without it.");
            before = sequence;
        }
        var zone = (await zones.ForAsync(actor, ct)).Organisation;
        var (filter, invalid) = AuditQuery.Read(http.Request.Query, zone, before);
        if (invalid is not null) return invalid;
        if (filter!.IncidentId is { } incidentId && await access.GetAsync(actor, incidentId, ct) is { IsOk: false } hidden)
            return ApiResults.From(hidden, _ => Results.Empty);

        var read = await audit.ReadAsync(actor.OrganisationId, filter, page.Limit, ct);
        var next = read.More ? Cursor.Encode([read.Entries[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)]) : null;
        var items = read.Entries.Select(e => OrganisationAuditEntryResource.From(e, zone.Id, read.IncidentReferences)).ToList();
        return Results.Ok(PageResource<OrganisationAuditEntryResource>.From(new Paged<OrganisationAuditEntryResource>(items, next), http.Request));
    }
}

/// <summary>One line of the organisation's log: what happened in plain words, about which incident, and its place in the hash chain.</summary>
public sealed record OrganisationAuditEntryResource(long Sequence, string At, string Actor, string Action, string Description, string Kind,
    Guid? IncidentId, string? IncidentReference, System.Text.Json.JsonElement Data, string PreviousHash, string Hash)
{
    public static OrganisationAuditEntryResource From(AuditEntry e, string zone, IReadOnlyDictionary<Guid, string> references)
    {
        using var data = System.Text.Json.JsonDocument.Parse(e.Data);
        var kind = AuditActions.Of(e.Action);
        return new(e.Sequence, ApiTime.Format(e.At, zone), e.Actor, e.Action, kind.Words, kind.Group, e.IncidentId,
            e.IncidentId is { } i ? references.GetValueOrDefault(i) : null, data.RootElement.Clone(), e.PreviousHash, e.Hash);
    }
}
