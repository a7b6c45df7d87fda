using Compliance.Domain.Incidents;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// The Campaigns and Campaign pages as endpoints: the list, preparing one, one campaign's progress, and (in
/// <see cref="CampaignCommandEndpoints"/>) approval by a second person, cancelling, resending, and the proof.
/// Security leads and legal staff only, as on the pages.
/// </summary>
public static class CampaignEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/incidents/{id:guid}/campaigns").WithTags("Campaigns");

        campaigns.MapGet("/", ListAsync)
            .WithName("ListCampaigns")
            .WithSummary("The incident's notice campaigns, newest first, each with its state and progress (paged: limit, after).")
            .Produces<PageResource<CampaignResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapPost("/", PrepareAsync)
            .WithName("PrepareCampaign")
            .WithSummary("Prepare a campaign emailing the notice to the people of the jurisdictions and languages given (none: all) who can be emailed. " +
                         "The notice is frozen and checked for each; nothing is sent until someone else approves it.")
            .Accepts<CampaignBody>("application/json")
            .Produces<CampaignResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapGet("/{campaignId:guid}", GetAsync)
            .WithName("GetCampaign")
            .WithSummary("One campaign: its state, who prepared and approved it, the notice's hash, its progress per state and jurisdiction, " +
                         "who receives another language, and the unconfirmed Message-IDs.")
            .Produces<CampaignResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        CampaignCommandEndpoints.Map(campaigns);
        CampaignProofEndpoints.Map(campaigns);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, CampaignProgress progress, CampaignDetails details, CancellationToken ct)
    {
        var actor = http.Actor();
        var list = await progress.ListAsync(actor, id, ct);
        if (!list.IsOk) return ApiResults.From(list, _ => Results.Empty);
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        var zone = await details.ZoneAsync(actor, ct);
        var paged = page.Slice(list.Value!, s => [CursorKey.Descending(s.Campaign.CreatedAt), CursorKey.Of(s.Campaign.Id)])
            .Select(s => CampaignResource.From(s, actor.Email, zone));
        return Results.Ok(PageResource<CampaignResource>.From(paged, http.Request));
    }

    private static async Task<IResult> PrepareAsync(Guid id, HttpContext http, IncidentAccess access, PrepareCampaign prepare, CampaignDetails details,
        CancellationToken ct)
    {
        var actor = http.Actor();
        // Who may not prepare is told so before their body is read.
        var allowed = await access.PeopleAccessAsync(actor, id, ct);
        if (!allowed.IsOk) return ApiResults.From(allowed, _ => Results.Empty);
        var body = await NoticeBodies.ReadOptionalAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var errors = NoticeBodies.Unknown(body.Root, "a campaign", "name", "jurisdictions", "languages");
        string? name = null;
        if (body.Root.TryGetProperty("name", out var given) && given.ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            if (given.ValueKind == System.Text.Json.JsonValueKind.String) name = given.GetString();
            else errors["name"] = ["must be a string."];
        }
        var jurisdictions = NoticeBodies.Strings(body.Root, "jurisdictions", errors) ?? [];
        var languages = NoticeBodies.Strings(body.Root, "languages", errors) ?? [];
        if (errors.Count > 0) return ApiResults.Invalid(errors);

        var prepared = await prepare.HandleAsync(actor, new PrepareCampaign.Request(id, name, jurisdictions, languages), ct);
        if (!prepared.IsOk) return ApiResults.From(prepared, _ => Results.Empty);
        return ApiResults.From(await details.GetAsync(actor, new CampaignRef(id, prepared.Value!.Id), ct),
            c => Results.Created(c.Links.Self, c));
    }

    private static async Task<IResult> GetAsync(Guid id, Guid campaignId, HttpContext http, CampaignDetails details, CancellationToken ct) =>
        ApiResults.From(await details.GetAsync(http.Actor(), new CampaignRef(id, campaignId), ct), c => Results.Ok(c));
}
