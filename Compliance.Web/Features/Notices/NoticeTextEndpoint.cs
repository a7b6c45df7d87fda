using System.Text.Json;
using Compliance.Domain.Incidents;
using Compliance.Domain.Notices;
using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.Notices;

/// <summary>PUT /incidents/{id}/notices/{language} and POST .../test: saving one language's text, and a test copy of it.</summary>
public static class NoticeTextEndpoint
{
    public static async Task<IResult> PutAsync(Guid id, string language, HttpContext http, IncidentAccess access, SaveNoticeDraft save, CancellationToken ct)
    {
        var actor = http.Actor();
        // Who may not write the notice is told so before their body is read.
        var allowed = await access.PeopleAccessAsync(actor, id, ct);
        if (!allowed.IsOk) return ApiResults.From(allowed, _ => Results.Empty);
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var (parts, errors) = ReadParts(body.Root);
        if (errors.Count > 0) return ApiResults.Invalid(errors);

        var expected = NoticeDraftVersion.FromIfMatch(http.Request.Headers.IfMatch.ToString());
        return ApiResults.From(await save.HandleAsync(actor, new SaveNoticeDraft.Request(id, language, parts, expected), ct), saved =>
        {
            var draft = NoticeDraftResource.From(id, language.Trim(), saved);
            http.Response.Headers.ETag = NoticeDraftVersion.ETag(draft.Version);
            return Results.Ok(draft);
        });
    }

    public static async Task<IResult> TestAsync(Guid id, string language, HttpContext http, IncidentAccess access, NoticeReaders readers,
        SendTestNotice send, CancellationToken ct)
    {
        var actor = http.Actor();
        var allowed = await access.PeopleAccessAsync(actor, id, ct);
        if (!allowed.IsOk) return ApiResults.From(allowed, _ => Results.Empty);
        var body = await NoticeBodies.ReadOptionalAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var errors = NoticeBodies.Unknown(body.Root, "a test", "personId");
        Guid? personId = null;
        if (body.Root.TryGetProperty("personId", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind == JsonValueKind.String && given.TryGetGuid(out var parsed)) personId = parsed;
            else errors["personId"] = ["must be the id of a person of this incident (a UUID)."];
        }
        if (errors.Count > 0) return ApiResults.Invalid(errors);
        if (!SaveNoticeDraft.IsLanguageTag(language)) return BadLanguage(language);

        if (personId is null)
        {
            var reader = await readers.FirstAsync(actor, id, language, ct);
            if (!reader.IsOk) return ApiResults.From(reader, _ => Results.Empty);
            personId = reader.Value;
        }
        return ApiResults.From(await send.HandleAsync(actor, new SendTestNotice.Request(id, personId.Value, language), ct),
            sent => Results.Ok(new NoticeTestResource(personId.Value, language, actor.Email, KebabCase<Compliance.Jobs.Mail.MailOutcome>.ToId(sent.Outcome), sent.Reply)));
    }

    public static IResult BadLanguage(string language) =>
        ApiResults.Invalid("language", $"'{language}' is not a language tag such as 'en' or 'zh-Hant'.");

    /// <summary>The body's "fields": each a part a person writes, as a string (null saves it empty).</summary>
    private static (Dictionary<string, string> Parts, Dictionary<string, string[]> Errors) ReadParts(JsonElement body)
    {
        var errors = NoticeBodies.Unknown(body, "a notice's text", "fields");
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            errors["fields"] = ["is required: an object of the parts, e.g. { \"nature\": \"What happened...\" }."];
            return (parts, errors);
        }
        foreach (var part in fields.EnumerateObject())
        {
            var path = $"fields.{part.Name}";
            if (!NoticeDraft.FieldNames.Contains(part.Name))
                errors[path] = [NoticeParts.All.Contains(part.Name)
                    ? "is filled in from the incident and the person, not written."
                    : $"is not a part of a notice; the parts are {string.Join(", ", NoticeDraft.FieldNames)}."];
            else if (part.Value.ValueKind == JsonValueKind.String) parts[part.Name] = part.Value.GetString()!;
            else if (part.Value.ValueKind != JsonValueKind.Null) errors[path] = ["must be a string."];
        }
        return (parts, errors);
    }
}
