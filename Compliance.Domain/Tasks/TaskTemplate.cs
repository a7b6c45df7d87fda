using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Tasks;

/// <summary>
/// One line of an organisation's task list that every new incident starts with: the kind, the title, who owns it by
/// default (a member, or whoever holds a role), and when it is due, in hours after the organisation became aware.
/// </summary>
public sealed record TaskTemplate(TaskKind Kind, string Title, Role? OwnerRole = null, Guid? OwnerUserId = null, int? DueHours = null)
{
    public const int MaxDueHours = 24 * 365;

    public Instant? DueFrom(Instant awareAt) => DueHours is { } h ? awareAt + Duration.FromHours(h) : null;
}

/// <summary>
/// An organisation's template list, stored as JSON on the organisation. An organisation that never edited it (null)
/// has the NGO default, so existing and new organisations alike start with it; an emptied list stays empty.
/// </summary>
public static class TaskTemplates
{
    public const int MaxCount = 40;

    // No default owner: who takes the police report or the board briefing differs in every NGO, and a task assigned
    // by role to whoever sorts first would remind the wrong person. Admins set owners on the template page.
    public static readonly IReadOnlyList<TaskTemplate> NgoDefault =
    [
        new(TaskKind.LawEnforcement, "Report the breach to the police or the cybercrime unit; note the report number and officer", null, null, 72),
        new(TaskKind.Cert, "Report the intrusion to the national CERT", null, null, 72),
        new(TaskKind.PlatformProviders, "Ask platform providers (mail, cloud, donor database) to secure accounts and keep logs", null, null, 24),
        new(TaskKind.Staff, "Tell staff what happened and what to watch for", null, null, 48),
        new(TaskKind.Board, "Brief the board", null, null, 48),
        new(TaskKind.Insurer, "Notify the insurer (check the policy's notice period)", null, null, 72),
        new(TaskKind.Donors, "Tell donors and supporters", null, null, 168),
        new(TaskKind.PartnersFunders, "Tell partners and funders", null, null, 168),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new KebabEnumJson<TaskKind>(), new KebabEnumJson<Role>() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<TaskTemplate> Read(string? stored) =>
        stored is null ? NgoDefault : JsonSerializer.Deserialize<List<TaskTemplate>>(stored, Json) ?? [];

    public static string Write(IEnumerable<TaskTemplate> templates) => JsonSerializer.Serialize(templates.ToList(), Json);

    /// <summary>What is wrong with a list an admin wants to keep, by field; owners are the members who may own a task.</summary>
    public static Dictionary<string, string[]> Problems(IReadOnlyList<TaskTemplate> templates, IReadOnlyCollection<Guid> owners)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (templates.Count > MaxCount) errors["templates"] = [$"has {templates.Count} tasks where at most {MaxCount} fit."];
        for (var n = 0; n < templates.Count; n++)
        {
            var t = templates[n];
            if (string.IsNullOrWhiteSpace(t.Title)) errors[$"templates[{n}].title"] = ["Say what is to be done (up to 200 characters)."];
            else if (PlainText.Problem(t.Title.Trim(), IncidentTask.TitleLength) is { } bad) errors[$"templates[{n}].title"] = [bad];
            if (t.DueHours is < 0 or > TaskTemplate.MaxDueHours) errors[$"templates[{n}].dueHours"] = [$"must be between 0 and {TaskTemplate.MaxDueHours} hours after awareness."];
            if (t.OwnerUserId is { } owner && !owners.Contains(owner)) errors[$"templates[{n}].ownerId"] = ["is not a member of your organisation; choose one of its members."];
            if (t.OwnerRole is Role.Responder) errors[$"templates[{n}].ownerRole"] = ["cannot be responder: a responder is a guest on one incident."];
        }
        return errors;
    }

    private sealed class KebabEnumJson<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => KebabCase<T>.Parse(reader.GetString()!);
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(KebabCase<T>.ToId(value));
    }
}
