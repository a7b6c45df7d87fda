using System.Text.Json;
using Compliance.Domain.Workspace;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// POST .../campaigns/{campaignId}/approve, /cancel and /resend-unconfirmed: the Campaign page's buttons, through the
/// same handlers. Each answers with the campaign as it now stands.
/// </summary>
public static class CampaignCommandEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/{campaignId:guid}/approve", ApproveAsync)
            .WithName("ApproveCampaign")
            .WithSummary("Approve a campaign awaiting approval, and sending starts. Someone other than who prepared it must (403 for its preparer); " +
                         "when people receive the notice in another language than their own, send fallbacksSeen: true to confirm you saw who.")
            .Accepts<ApprovalBody>("application/json")
            .Produces<CampaignResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();

        campaigns.MapPost("/{campaignId:guid}/cancel", CancelAsync)
            .WithName("CancelCampaign")
            .WithSummary("Cancel a campaign awaiting approval or sending: no one else is emailed; what was sent stays recorded (409 once finished).")
            .Produces<CampaignResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        campaigns.MapPost("/{campaignId:guid}/resend-unconfirmed", ResendAsync)
            .WithName("ResendUnconfirmed")
            .WithSummary("Send again the unconfirmed messages (released to the mail server, its reply not recorded) whose Message-IDs you give, after " +
                         "checking the server's log does not have them; they keep their Message-ID.")
            .Accepts<ResendBody>("application/json")
            .Produces<ResendResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
    }

    private static async Task<IResult> ApproveAsync(Guid id, Guid campaignId, HttpContext http, CampaignLookup lookup, ApproveCampaign approve,
        CampaignDetails details, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await lookup.FindAsync(actor, id, campaignId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var body = await NoticeBodies.ReadOptionalAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var errors = NoticeBodies.Unknown(body.Root, "an approval", "fallbacksSeen");
        var seen = false;
        if (body.Root.TryGetProperty("fallbacksSeen", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind is JsonValueKind.True or JsonValueKind.False) seen = given.GetBoolean();
            else errors["fallbacksSeen"] = ["must be true or false."];
        }
        if (errors.Count > 0) return ApiResults.Invalid(errors);

        var approved = await approve.HandleAsync(actor, new ApproveCampaign.Request(id, campaignId, seen), ct);
        // The two-person rule refuses the preparer in the page's words; the approval field the handler names is the caller's fallbacksSeen.
        if (approved.Status == OutcomeStatus.Invalid && approved.Errors.TryGetValue("approver", out var secondPerson))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Someone else must approve this campaign.", detail: string.Join(" ", secondPerson));
        if (approved.Status == OutcomeStatus.Invalid)
            return ApiResults.Invalid(approved.Errors.ToDictionary(e => e.Key == "fallbacks" ? "fallbacksSeen" : e.Key, e => e.Value));
        return await AnswerAsync(approved, actor, id, campaignId, details, ct);
    }

    private static async Task<IResult> CancelAsync(Guid id, Guid campaignId, HttpContext http, CancelCampaign cancel, CampaignDetails details, CancellationToken ct)
    {
        var actor = http.Actor();
        return await AnswerAsync(await cancel.HandleAsync(actor, new CampaignRef(id, campaignId), ct), actor, id, campaignId, details, ct);
    }

    private static async Task<IResult> ResendAsync(Guid id, Guid campaignId, HttpContext http, CampaignLookup lookup, ResendUnconfirmed resend,
        CampaignDetails details, CancellationToken ct)
    {
        var actor = http.Actor();
        var found = await lookup.FindAsync(actor, id, campaignId, ct);
        if (!found.IsOk) return ApiResults.From(found, _ => Results.Empty);
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var errors = NoticeBodies.Unknown(body.Root, "a resend", "messageIds");
        var ids = NoticeBodies.Strings(body.Root, "messageIds", errors);
        // As on the page: only the messages someone checked are sent again, never all of them by default.
        if (!errors.ContainsKey("messageIds") && (ids is null || ids.All(string.IsNullOrWhiteSpace)))
            errors["messageIds"] = ["Give the Message-IDs of the unconfirmed messages that the mail server's log does not have: only those are sent again."];
        if (errors.Count > 0) return ApiResults.Invalid(errors);

        var resent = await resend.HandleAsync(actor, new ResendUnconfirmed.Request(id, campaignId, ids), ct);
        if (!resent.IsOk) return ApiResults.From(resent, _ => Results.Empty);
        return ApiResults.From(await details.GetAsync(actor, new CampaignRef(id, campaignId), ct), c => Results.Ok(new ResendResource(resent.Value, c)));
    }

    private static async Task<IResult> AnswerAsync<T>(Outcome<T> outcome, Actor actor, Guid id, Guid campaignId, CampaignDetails details, CancellationToken ct)
    {
        if (!outcome.IsOk) return ApiResults.From(outcome, _ => Results.Empty);
        return ApiResults.From(await details.GetAsync(actor, new CampaignRef(id, campaignId), ct), c => Results.Ok(c));
    }
}
