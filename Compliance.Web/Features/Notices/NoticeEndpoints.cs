using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;

namespace Compliance.Web.Features.Notices;

/// <summary>
/// The Notice page as endpoints: the notice in each language its readers need, one language's text (read and saved
/// with ETag/If-Match), what one person would receive, and a test copy to the caller. Security leads and legal staff
/// only, as on the page.
/// </summary>
public static class NoticeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var incident = api.MapGroup("/incidents/{id:guid}").WithTags("Notices");

        incident.MapGet("/notices", ListAsync)
            .WithName("ListNoticeLanguages")
            .WithSummary("The notice to the people affected in every language their notices need (how many people each, written or missing), " +
                         "who receives it in another language than their own, and the parts to write.")
            .Produces<NoticesResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        incident.MapGet("/notices/{language}", GetAsync)
            .WithName("GetNoticeText")
            .WithSummary("The notice's written parts in one language (a tag such as en or zh-Hant), empty where not written; the ETag is its version.")
            .Produces<NoticeDraftResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        incident.MapPut("/notices/{language}", NoticeTextEndpoint.PutAsync)
            .WithName("SaveNoticeText")
            .WithSummary("Save the notice's parts in one language (fields: nature, period, consequences, measures, advice, contact; one left out is saved empty). " +
                         "Send If-Match: \"version\" to refuse with 409 a save over someone else's.")
            .Accepts<NoticeDraftBody>("application/json")
            .Produces<NoticeDraftResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        incident.MapPost("/notices/{language}/test", NoticeTextEndpoint.TestAsync)
            .WithName("SendTestNotice")
            .WithSummary("Email yourself, marked as a test, the notice a person would receive in this language (personId optional: else someone who " +
                         "receives it in this language). The person gets nothing.")
            .Accepts<NoticeTestBody>("application/json")
            .Produces<NoticeTestResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey();

        incident.MapGet("/people/{personId:guid}/notice-preview", PreviewAsync)
            .WithName("PreviewNotice")
            .WithSummary("The notice exactly as this person would receive it (their template, language, details and redactions), with the law's " +
                         "checks that must pass before it is sent. The look is audited.")
            .Produces<NoticePreviewResource>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, NoticeDrafts drafts, CancellationToken ct)
    {
        var actor = http.Actor();
        var languages = await drafts.LanguagesAsync(actor, id, ct);
        if (!languages.IsOk) return ApiResults.From(languages, _ => Results.Empty);
        var texts = (await drafts.TextsAsync(actor, id, ct)).Value!;
        var (needs, fallbacks) = languages.Value;
        return Results.Ok(new NoticesResource(
            needs.Select(n => new NoticeLanguageResource(n.Language, n.Name, n.People, n.Written, NoticeDraftVersion.Of(texts.GetValueOrDefault(n.Language)),
                NoticeDraftResource.AllParts(texts.GetValueOrDefault(n.Language)), $"{IncidentEndpoints.UrlOf(id)}/notices/{Uri.EscapeDataString(n.Language)}")).ToList(),
            needs.Where(n => !n.Written && n.People > 0).Select(n => n.Language).ToList(),
            fallbacks.Select(NoticeFallbackResource.From).ToList(),
            NoticeParts.Written.Select(p => new NoticePartResource(p.Field, p.Label)).ToList()));
    }

    private static async Task<IResult> GetAsync(Guid id, string language, HttpContext http, NoticeDrafts drafts, CancellationToken ct)
    {
        var texts = await drafts.TextsAsync(http.Actor(), id, ct);
        if (!texts.IsOk) return ApiResults.From(texts, _ => Results.Empty);
        if (!SaveNoticeDraft.IsLanguageTag(language)) return NoticeTextEndpoint.BadLanguage(language);
        var draft = NoticeDraftResource.From(id, language, texts.Value!.GetValueOrDefault(language));
        http.Response.Headers.ETag = NoticeDraftVersion.ETag(draft.Version);
        return Results.Ok(draft);
    }

    private static async Task<IResult> PreviewAsync(Guid id, Guid personId, HttpContext http, NoticePreview preview, CancellationToken ct) =>
        ApiResults.From(await preview.GetAsync(http.Actor(), id, personId, ct), p => Results.Ok(NoticePreviewResource.From(p)));
}
