using Compliance.Domain.Json;
using Compliance.Domain.People;
using Compliance.Domain.Vocabulary;

namespace Compliance.Web.Features.People;

/// <summary>
/// GET/POST /incidents/{id}/contacts: the contacts made with people who cannot be emailed (phone, in person, through
/// their trusted person, by post). Admins, security leads and the incident's responder record them; a contact that
/// reached someone counts as notified for the duty to tell the people of their jurisdiction.
/// </summary>
public static class ContactEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/incidents/{id:guid}/contacts").WithTags("Manual contacts");

        contacts.MapGet("/", ListAsync)
            .WithName("ListContacts")
            .WithSummary("The manual contacts recorded for the incident, earliest first, a page at a time (the read is audited).")
            .WithPaging()
            .Produces<ContactList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/", RecordAsync)
            .WithName("RecordContact")
            .WithRequestExample("""{ "personId": "3f0c6a57-1d2e-4c4b-9a51-2b8e7f6d5c41", "method": "phone", "outcome": "reached", "contactedAt": "2019-03-18T15:00:00+08:00", "notes": "Called through the Hong Kong office." }""")
            .WithSummary("Record a contact: personId, method (phone, in-person, delegate, post), outcome (reached, not-reached, refused, " +
                         "delegate-informed), contactedAt (ISO date and time with offset) and optional notes (kept encrypted).")
            .Accepts<ContactBody>("application/json")
            .Produces<ContactResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, RecordedContacts contacts, CancellationToken ct)
    {
        var (page, problem) = PageRequest.From(http.Request, 3);
        if (problem is not null) return problem;
        return ApiResults.From(await contacts.ListAsync(http.Actor(), id, ct), list =>
        {
            var paged = page.Slice(list, c => [CursorKey.Ascending(c.ContactedAt), CursorKey.Ascending(c.RecordedAt), CursorKey.Of(c.Id)]);
            return Results.Ok(new ContactList(paged.Items.Select(ContactResource.From).ToList(), paged.NextLink(http.Request)));
        });
    }

    private static async Task<IResult> RecordAsync(Guid id, HttpContext http, RecordContact record, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        var person = reader.String(body.Root, "personId", "personId", required: true, maxLength: 64);
        var method = reader.String(body.Root, "method", "method", required: true, maxLength: 32);
        var outcome = reader.String(body.Root, "outcome", "outcome", required: true, maxLength: 32);
        var at = reader.Instant(body.Root, "contactedAt", "contactedAt", required: true);
        var notes = reader.String(body.Root, "notes", "notes", required: false, maxLength: RecordContact.NotesMaxLength, multiline: true);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
        if (!Guid.TryParse(person, out var personId)) return ApiResults.Invalid("personId", "is not a person's id (a UUID).");

        return ApiResults.From(await record.HandleAsync(http.Actor(), new RecordContact.Request(id, personId, method, outcome, at, notes), ct),
            c => Results.Created($"{IncidentEndpoints.UrlOf(id)}/contacts", ContactResource.From(c)));
    }
}

public sealed record ContactBody(Guid PersonId, string Method, string Outcome, string ContactedAt, string? Notes);

public sealed record ContactResource(Guid Id, Guid PersonId, string Method, string Outcome, string ContactedAt, string TimeZone, string? Notes,
    string RecordedBy, string RecordedAt, bool Notified)
{
    public static ContactResource From(ManualContact c) =>
        new(c.Id, c.PersonId, KebabCase<ContactMethod>.ToId(c.Method), KebabCase<ContactOutcome>.ToId(c.Outcome), ApiTime.Format(c.ContactedAt, c.Zone),
            c.Zone, c.Notes, c.RecordedBy, ApiTime.Format(c.RecordedAt, c.Zone), PersonContact.IsNotified(c.Outcome));
}

public sealed record ContactList(IReadOnlyList<ContactResource> Contacts, string? Next);
