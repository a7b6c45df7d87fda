using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Mail;
using NodaTime;

namespace Compliance.Web.Features.Members;

/// <summary>
/// The organisation's people, for admins, as on the members page: the list, inviting someone (the same mail), changing a
/// role, resetting a lost second factor, and removing someone (their sessions end and their tokens here stop at once).
/// </summary>
public static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");

        members.MapGet("/", ListAsync)
            .WithName("ListMembers")
            .WithSummary("The organisation's members (admins only), by email: role, a responder's incident and expiry, second factor, password chosen.")
            .WithPaging()
            .Produces<PageResource<MemberResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        members.MapPost("/", AddAsync)
            .WithName("AddMember")
            .WithRequestExample("""{ "email": "responder@example.org", "name": "Outside responder", "role": "responder", "incidentId": "5d8e1c2a-7b34-4f61-8e09-1a2b3c4d5e01", "expiresAt": "2019-04-15T18:00:00+08:00" }""")
            .WithSummary("Add someone (admins only) and mail them: a new account gets a link to choose a password. Body: email, role, name; " +
                         "a responder also needs incidentId and expiresAt.")
            .Accepts<NewMemberBody>("application/json")
            .Produces<AddedMemberResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotencyKey();

        members.MapPatch("/{userId:guid}", ChangeRoleAsync)
            .WithName("ChangeMemberRole")
            .WithRequestExample("""{ "role": "legal" }""")
            .WithSummary("Give a member another role (admins only); their sessions start again with it. The last admin keeps the role.")
            .Accepts<MemberPatchBody>("application/json")
            .Produces<MemberResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapPost("/{userId:guid}/reset-two-factor", ResetTwoFactorAsync)
            .WithName("ResetMemberTwoFactor")
            .WithSummary("A lost phone or key (admins only): the member's authenticator, recovery codes and keys go, and every session ends.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapDelete("/{userId:guid}", RemoveAsync)
            .WithName("RemoveMember")
            .WithSummary("Remove someone (admins only): their sessions end and their API tokens here are revoked at once. The last admin stays.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static string UrlOf(Guid userId) => $"/api/v1/members/{userId}";

    private static async Task<IResult> ListAsync(HttpContext http, MemberList list, ReaderZones zones, CancellationToken ct)
    {
        var actor = http.Actor();
        var rows = await list.ListAsync(actor, ct);
        if (!rows.IsOk) return ApiResults.From(rows, _ => Results.Empty);
        var (page, problem) = PageRequest.From(http.Request, 3);
        if (problem is not null) return problem;
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        return Results.Ok(PageResource<MemberResource>.From(page.Slice(rows.Value!.Select(r => MemberResource.From(r, zone)), MemberResource.KeyOf), http.Request));
    }

    private static readonly string[] NewMemberFields = ["email", "name", "role", "incidentId", "expiresAt"];

    private static async Task<IResult> AddAsync(HttpContext http, MemberCommands commands, InvitationMail invitation, MemberList list, ReaderZones zones,
        IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        reader.Unknown(body.Root, NewMemberFields, $"is not a field of a new member; use {string.Join(", ", NewMemberFields)}.");
        var email = reader.String(body.Root, "email", "email", required: true, maxLength: 256);
        var name = reader.String(body.Root, "name", "name", required: false, maxLength: PlainText.Line);
        var role = reader.Enum<Role>(body.Root, "role", "role");
        var incidentId = GuidOf(reader, body.Root, "incidentId");
        var expiresAt = reader.Instant(body.Root, "expiresAt", "expiresAt", required: false);
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var added = await commands.Add.HandleAsync(actor, new AddMember.Request(email!, name, role!.Value, incidentId, expiresAt), ct);
        if (!added.IsOk) return ApiResults.From(added, _ => Results.Empty);
        var sent = await invitation.SendAsync(added.Value!, actor.Email, ct);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var row = (await list.ListAsync(actor.OrganisationId, ct))
            .First(r => r.UserId == added.Value!.User.Id && r.Role == role && (role != Role.Responder || r.IncidentId == incidentId));
        return Results.Created(UrlOf(row.UserId), new AddedMemberResource(MemberResource.From(row, zone), added.Value!.NewAccount, sent.Outcome == MailOutcome.Sent));
    }

    private static async Task<IResult> ChangeRoleAsync(Guid userId, HttpContext http, MemberCommands commands, MemberList list, ReaderZones zones,
        IClock clock, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, clock.GetCurrentInstant())) return ApiResults.Forbidden();
        var body = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        using var document = body.Document!;
        var reader = new FieldReader();
        foreach (var unknown in body.Root.EnumerateObject().Where(p => p.Name != "role"))
            reader.Error(unknown.Name, unknown.Name is "incidentId" or "expiresAt"
                ? "cannot be changed; remove the responder and add them again."
                : "is not a field that can be changed; only role can.");
        var role = reader.Enum<Role>(body.Root, "role", "role");
        if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);

        var changed = await commands.ChangeRole.HandleAsync(actor, new ChangeMemberRole.Request(userId, role!.Value), ct);
        if (!changed.IsOk) return ApiResults.From(changed, _ => Results.Empty);
        var zone = (await zones.ForAsync(actor, ct)).Organisation.Id;
        var row = (await list.ListAsync(actor.OrganisationId, ct)).First(r => r.UserId == userId && r.IncidentId is null);
        return Results.Ok(MemberResource.From(row, zone));
    }

    private static async Task<IResult> ResetTwoFactorAsync(Guid userId, HttpContext http, MemberCommands commands, CancellationToken ct) =>
        ApiResults.From(await commands.ResetTwoFactor.HandleAsync(http.Actor(), new ResetTwoFactor.Request(userId), ct), _ => Results.NoContent());

    private static async Task<IResult> RemoveAsync(Guid userId, HttpContext http, MemberCommands commands, CancellationToken ct) =>
        ApiResults.From(await commands.Remove.HandleAsync(http.Actor(), new RemoveMember.Request(userId), ct), _ => Results.NoContent());

    private static Guid? GuidOf(FieldReader reader, JsonElement body, string name)
    {
        if (!FieldReader.Present(body, name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) return id;
        reader.Error(name, $"{FieldReader.Show(value)} is not an incident id.");
        return null;
    }
}
