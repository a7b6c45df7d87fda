using Compliance.Domain.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Members;

/// <summary>
/// API tokens: everyone sees and revokes their own, admins the organisation's; only admins issue them, and the secret is
/// in the answer to the POST and nowhere else. A revoked token is refused from the next request on.
/// </summary>
public static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");

        tokens.MapGet("/", ListAsync)
            .WithName("ListTokens")
            .WithSummary("Your API tokens in this organisation (an admin sees everyone's), newest first; never their secrets.")
            .WithPaging()
            .Produces<PageResource<TokenResource>>()
            .ProducesValidationProblem();

        tokens.MapPost("/", IssueAsync)
            .WithName("IssueToken")
            .WithRequestExample("""{ "name": "SIEM integration", "days": 90 }""")
            .WithSummary("Issue a token (admins only): name, days until it expires (none: no expiry) and userId (a member; yourself when absent). " +
                         "The secret is in this answer only.")
            .Accepts<NewTokenBody>("application/json")
            .Produces<IssuedTokenResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tokens.MapDelete("/{tokenId:guid}", RevokeAsync)
            .WithName("RevokeToken")
            .WithSummary("Revoke a token (your own, or any as an admin): requests with it are refused from now on.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, OrganisationTokens tokens, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var (page, problem) = PageRequest.From(http.Request, 2);
        if (problem is not null) return problem;
        var list = await tokens.ListAsync(actor, ct);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        return ApiResults.From(list, views => Results.Ok(PageResource<TokenResource>.From(
            page.Slice(views, v => [CursorKey.Descending(v.CreatedAt), CursorKey.Of(v.Id)]).Select(v => TokenResource.From(v, zone)), http.Request)));
    }

    private static readonly string[] NewTokenFields = ["name", "days", "userId"];

    private static async Task<IResult> IssueAsync(HttpContext http, IssueApiToken issue, ReaderZones zones, IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        reader.Unknown(body.Root, NewTokenFields, $"is not a field of a token; use {string.Join(", ", NewTokenFields)}.");
        var name = reader.String(body.Root, "name", "name", required: true, maxLength: 100);
        int? days = null;
        if (FieldReader.Present(body.Root, "days", out var d))
        {
            if (d.ValueKind == System.Text.Json.JsonValueKind.Number && d.TryGetInt32(out var n) && n is >= 1 and <= 3650) days = n;
            else reader.Error("days", $"{FieldReader.Show(d)} is not a whole number of days from 1 to 3650.");
        }
        var userId = actor.UserId;
        if (FieldReader.Present(body.Root, "userId", out var u) && !(u.ValueKind == System.Text.Json.JsonValueKind.String && Guid.TryParse(u.GetString(), out userId)))
            reader.Error("userId", $"{FieldReader.Show(u)} is not a member's user id.");
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var issued = await issue.HandleAsync(actor, new IssueApiToken.Request(userId, name!, days), ct);
        if (issued.Status == OutcomeStatus.NotFound) return ApiResults.Invalid("userId", "is not a member of this organisation.");
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        return ApiResults.From(issued, i => Results.Created($"/api/v1/tokens/{i.Token.Id}", IssuedTokenResource.From(i, zone)));
    }

    private static async Task<IResult> RevokeAsync(Guid tokenId, HttpContext http, OrganisationTokens tokens, CancellationToken ct) =>
        ApiResults.From(await tokens.RevokeAsync(http.Actor(), tokenId, ct), _ => Results.NoContent());
}

/// <summary>A token as listed: whose, when made, last used (to the nearest five minutes), when it expires or was revoked.</summary>
public sealed record TokenResource(Guid Id, string Name, Guid UserId, string Email, string CreatedAt, string? ExpiresAt, string? LastUsedAt, string? RevokedAt)
{
    public static TokenResource From(OrganisationTokens.View v, string zone) =>
        new(v.Id, v.Name, v.UserId, v.Email, ApiTime.Format(v.CreatedAt, zone), ApiTime.Format(v.ExpiresAt, zone), ApiTime.Format(v.LastUsedAt, zone),
            ApiTime.Format(v.RevokedAt, zone));
}

/// <summary>The token just issued, with its secret: use it as "Authorization: Bearer secret". It is not shown again.</summary>
public sealed record IssuedTokenResource(Guid Id, string Name, Guid UserId, string CreatedAt, string? ExpiresAt, string Secret)
{
    public static IssuedTokenResource From(IssueApiToken.Issued i, string zone) =>
        new(i.Token.Id, i.Token.Name, i.Token.UserId, ApiTime.Format(i.Token.CreatedAt, zone), ApiTime.Format(i.Token.ExpiresAt, zone), i.Secret);
}

/// <summary>A token to issue: its name, how many days it lasts (absent: no expiry), and whose it is (absent: yours).</summary>
public sealed record NewTokenBody(string Name, int? Days, Guid? UserId);
