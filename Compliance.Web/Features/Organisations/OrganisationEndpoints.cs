using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Organisations;

/// <summary>
/// The organisation page's settings: any member reads them, admins change them (the same handler as the page, so the
/// same checks, the same audit line, and the duties of open incidents re-planned when the facts change).
/// </summary>
public static class OrganisationEndpoints
{
    private static readonly string[] Fields = ["name", "timeZone", "establishments", "attributes", "requireTwoFactor", "requirePhishingResistant", "reminderPolicy"];

    public static void Map(RouteGroupBuilder api)
    {
        var organisation = api.MapGroup("/organisation").WithTags("Organisation");

        organisation.MapGet("/", GetAsync)
            .WithName("GetOrganisation")
            .WithSummary("The organisation's settings (any member): name, zone, establishments and attributes that decide which laws apply, sign-in rules, reminder policy.")
            .Produces<OrganisationResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisation.MapPatch("/", PatchAsync)
            .WithName("UpdateOrganisation")
            .WithRequestExample("""{ "establishments": ["HK", "IE"], "requireTwoFactor": true, "reminderPolicy": "half,24h,4h,1h,0h" }""")
            .WithSummary("Change the organisation's settings (admins only); fields left out keep their value. Changing establishments or attributes " +
                         "recomputes the duties of every open incident. Send If-Match with the ETag of the settings as read to refuse a stale change with 409.")
            .Accepts<OrganisationPatchBody>("application/json")
            .Produces<OrganisationResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetAsync(HttpContext http, OrganisationQuery organisations, CancellationToken ct) =>
        ApiResults.From(await organisations.GetAsync(http.Actor(), ct), org => Answer(http, org));

    private static IResult Answer(HttpContext http, Organisation org)
    {
        http.Response.Headers.ETag = IfMatch.ETagOf(org.Version);
        return Results.Ok(OrganisationResource.From(org));
    }

    private static async Task<IResult> PatchAsync(HttpContext http, OrganisationQuery organisations, UpdateOrganisation update, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var (expected, stale) = IfMatch.Read(http.Request, "organisation's settings");
        if (stale is not null) return stale;
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var found = await organisations.GetAsync(actor, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var org = found.Value!;

        var reader = new FieldReader();
        reader.Unknown(body.Root, Fields, $"is not a setting of the organisation; use {string.Join(", ", Fields)}.");
        var root = body.Root;
        var request = new UpdateOrganisation.Request(
            Text(reader, root, "name") ?? org.Name,
            Text(reader, root, "timeZone") ?? org.TimeZone,
            Codes(reader, root, "establishments")?.Select(e => e.ToUpperInvariant()).ToList() ?? org.Establishments.ToList(),
            Codes(reader, root, "attributes") ?? org.Attributes.ToList(),
            Flag(reader, root, "requireTwoFactor") ?? org.RequireTwoFactor,
            Text(reader, root, "reminderPolicy") ?? org.ReminderPolicy,
            Flag(reader, root, "requirePhishingResistant") ?? org.RequirePhishingResistant,
            expected);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        return ApiResults.From(await update.HandleAsync(actor, request, ct), changed => Answer(http, changed));
    }

    private static string? Text(FieldReader reader, JsonElement body, string name)
    {
        if (!FieldReader.Present(body, name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!.Trim();
        reader.Error(name, "must be a string.");
        return null;
    }

    private static bool? Flag(FieldReader reader, JsonElement body, string name)
    {
        if (!FieldReader.Present(body, name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        reader.Error(name, $"{FieldReader.Show(value)} is not true or false.");
        return null;
    }

    private static List<string>? Codes(FieldReader reader, JsonElement body, string name)
    {
        if (!FieldReader.Present(body, name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return value.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
        reader.Error(name, "must be an array of strings.");
        return null;
    }
}

/// <summary>The organisation's settings as the organisation page shows them.</summary>
public sealed record OrganisationResource(Guid Id, string Name, string Slug, string TimeZone, IReadOnlyList<string> Establishments,
    IReadOnlyList<string> Attributes, bool RequireTwoFactor, bool RequirePhishingResistant, string ReminderPolicy)
{
    public static OrganisationResource From(Organisation org) => new(org.Id, org.Name, org.Slug, org.TimeZone, org.Establishments.ToList(),
        org.Attributes.ToList(), org.RequireTwoFactor, org.RequirePhishingResistant, org.ReminderPolicy);
}

/// <summary>The settings a PATCH may change; each one left out keeps its value.</summary>
public sealed record OrganisationPatchBody(string? Name, string? TimeZone, IReadOnlyList<string>? Establishments, IReadOnlyList<string>? Attributes,
    bool? RequireTwoFactor, bool? RequirePhishingResistant, string? ReminderPolicy);
