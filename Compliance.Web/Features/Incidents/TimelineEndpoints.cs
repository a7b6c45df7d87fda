using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Incidents;

/// <summary>GET/POST /incidents/{id}/timeline: what happened, in the order it happened, and who recorded it.</summary>
public static class TimelineEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var timeline = api.MapGroup("/incidents/{id:guid}/timeline").WithTags("Timeline");

        timeline.MapGet("/", ListAsync)
            .WithName("ListTimeline")
            .WithSummary("The incident's timeline, earliest event first, a page at a time.")
            .WithPaging()
            .Produces<TimelineList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        timeline.MapPost("/", AddAsync)
            .WithName("AddTimelineEvent")
            .WithRequestExample("""{ "at": "2019-03-15T11:30:00+08:00", "description": "CRM server isolated from the network." }""")
            .WithSummary("Record an event: when it happened (ISO date and time with offset) and what happened.")
            .Accepts<TimelineEventBody>("application/json")
            .Produces<TimelineEventResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, IncidentAccess access, IncidentTimeline timeline, CancellationToken ct)
    {
        var incident = await access.GetAsync(http.Actor(), id, ct);
        if (!incident.IsOk) return ApiResults.From(incident, _ => Results.Empty);
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        var zone = incident.Value!.ClockZone;
        return ApiResults.From(await timeline.ReadAsync(http.Actor(), id, ct), events =>
        {
            var paged = page.Slice(events, e => [CursorKey.Ascending(e.At), CursorKey.Of(e.Id)]);
            return Results.Ok(new TimelineList(paged.Items.Select(e => TimelineEventResource.From(e, zone)).ToList(), paged.NextLink(http.Request)));
        });
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext http, IncidentAccess access, AddTimelineEvent add, CancellationToken ct)
    {
        var incident = await access.GetAsync(http.Actor(), id, ct);
        if (!incident.IsOk) return ApiResults.From(incident, _ => Results.Empty);

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var at = reader.Instant(body.Root, "at", "at", required: true);
        var description = reader.String(body.Root, "description", "description", required: true, maxLength: 4000);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var zone = incident.Value!.ClockZone;
        return ApiResults.From(await add.HandleAsync(http.Actor(), new AddTimelineEventRequest(id, at!.Value, description!), ct),
            e => Results.Created($"{IncidentEndpoints.UrlOf(id)}/timeline", TimelineEventResource.From(e, zone)));
    }
}

public sealed record TimelineEventResource(Guid Id, string At, string Description, string RecordedBy, string RecordedAt)
{
    public static TimelineEventResource From(TimelineEvent e, string zone) =>
        new(e.Id, ApiTime.Format(e.At, zone), e.Description, e.RecordedBy, ApiTime.Format(e.RecordedAt, zone));
}

public sealed record TimelineList(IReadOnlyList<TimelineEventResource> Events, string? Next);
