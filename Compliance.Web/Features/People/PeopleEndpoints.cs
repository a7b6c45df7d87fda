using System.Globalization;
using System.Text.Json;
using Compliance.Domain.Incidents;
using Compliance.Domain.Json;
using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.People;

/// <summary>
/// GET /incidents/{id}/people, PATCH /incidents/{id}/people/{personId} and POST /incidents/{id}/people/counts: the list
/// of affected people, their safety flags and the incident's counts taken from the list, for the roles the People page
/// admits (security leads and legal staff); every page read is audited like the page's.
/// </summary>
public static class PeopleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var people = api.MapGroup("/incidents/{id:guid}/people").WithTags("Affected people");

        people.MapGet("/", ListAsync)
            .WithName("ListPeople")
            .WithSummary("The incident's affected people a page at a time (limit, after), by jurisdiction then line of the imported file, " +
                         "optionally of one jurisdiction (e.g. HK, or US for every US state): name, email, language, safety flags and " +
                         "whether they must be reached some other way than email. Each page read is recorded in the audit log.")
            .WithPaging()
            .Produces<PageResource<PersonResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPatch("/{personId:guid}", PatchAsync)
            .WithName("SetPersonFlags")
            .WithRequestExample("""{ "doNotEmail": true, "delegateTo": "Hong Kong office", "redactions": "Do not mention the protest." }""")
            .WithSummary("Change a person's safety flags: doNotEmail (true or false), delegateTo (a trusted person to reach them through) and " +
                         "redactions (details to leave out of their notice); a field left out keeps its value, null or \"\" clears it. " +
                         "Flagged people never get an email notice. Send If-Match with the person's version (as listed, or the ETag of the last " +
                         "change) to refuse a stale change with 409.")
            .Accepts<PersonFlagsBody>("application/json", "application/merge-patch+json")
            .Produces<PersonResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/counts", CountsAsync)
            .WithName("UpdateCountsFromPeople")
            .WithSummary("Set the incident's affected counts per jurisdiction from its list of people, as the People page's button does " +
                         "(security leads: they both see the list and edit the incident); the duties are recomputed as for any change of the facts. " +
                         "Answers the incident with its new version as the ETag.")
            .Produces<IncidentResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid id, string? jurisdiction, HttpContext http, PeopleRegister register,
        CancellationToken ct)
    {
        var (page, problem) = PageRequest.From(http.Request, 3);
        if (problem is not null) return problem;
        if (page.After is { } parts && PositionOf(parts) is null) return ApiResults.Invalid("after", "is not a cursor this list gave; start again without it.");
        var code = jurisdiction?.Trim().ToUpperInvariant() ?? "";
        if (code.Length > 0 && !JurisdictionCode.TryParse(code, out _))
            return ApiResults.Invalid("jurisdiction", $"'{jurisdiction}' is not an ISO 3166 code such as 'HK' or 'US-TX'.");

        var slice = await register.AfterAsync(http.Actor(), id, code, page.After is { } a ? PositionOf(a) : null, page.Limit, ct);
        return ApiResults.From(slice, s =>
        {
            var next = s.More ? Cursor.Encode(KeyOf(s.People[^1])) : null;
            return Results.Ok(PageResource<PersonResource>.From(new Paged<PersonResource>(s.People.Select(PersonResource.From).ToList(), next), http.Request));
        });
    }

    private static string[] KeyOf(PeopleRegister.Person p) => [p.Jurisdiction, p.Line.ToString(CultureInfo.InvariantCulture), CursorKey.Of(p.Id)];

    private static PeopleRegister.Position? PositionOf(string[] parts) =>
        parts[0].Length is > 0 and <= 8 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            && Guid.TryParseExact(parts[2], "N", out var personId)
            ? new PeopleRegister.Position(parts[0], line, personId) : null;

    // The person is read first (the role is checked there, before the body), so that a field left out keeps its value.
    private static async Task<IResult> PatchAsync(Guid id, Guid personId, HttpContext http, PeopleRegister register, SetPersonFlags setFlags, CancellationToken ct)
    {
        var actor = http.Actor();
        var current = await register.PersonAsync(actor, id, personId, "safety flags change", ct);
        if (!current.IsOk) return ApiResults.From(current, _ => Results.Empty);
        var person = current.Value!;
        var (expected, stale) = IfMatch.Read(http.Request, "person");
        if (stale is not null) return stale;

        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        reader.Unknown(body.Root, ["doNotEmail", "delegateTo", "redactions"], "is not a safety flag: send doNotEmail, delegateTo or redactions.");
        var doNotEmail = person.DoNotEmail;
        if (body.Root.TryGetProperty("doNotEmail", out var flag))
        {
            if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False) doNotEmail = flag.GetBoolean();
            else reader.Error("doNotEmail", "must be true or false.");
        }
        var delegateTo = Text(reader, body.Root, "delegateTo", person.DelegateTo);
        var redactions = Text(reader, body.Root, "redactions", person.Redactions);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var changed = await setFlags.HandleAsync(actor, new SetPersonFlags.Request(id, personId, doNotEmail, delegateTo, redactions, expected), ct);
        return ApiResults.From(changed, p =>
        {
            http.Response.Headers.ETag = IfMatch.ETagOf(p.Version);
            return Results.Ok(PersonResource.From(p));
        });
    }

    private static string? Text(FieldReader reader, JsonElement root, string name, string? current) =>
        root.TryGetProperty(name, out _) ? reader.String(root, name, name, required: false, maxLength: SetPersonFlags.FlagTextMaxLength) : current;

    private static async Task<IResult> CountsAsync(Guid id, HttpContext http, UpdateCountsFromList update, IncidentResources resources, CancellationToken ct)
    {
        var updated = await update.HandleAsync(http.Actor(), id, ct);
        if (!updated.IsOk) return ApiResults.From(updated, _ => Results.Empty);
        http.Response.Headers.ETag = IncidentResource.ETagOf(updated.Value!);
        return Results.Ok(await resources.ForAsync(updated.Value!, ct));
    }
}
