namespace Compliance.Web.Features.Shared;

/// <summary>
/// The validator's messages are written for the API ("is required.", "must not be before awareAt."); on a form
/// they sit next to a field, so they get the field's label and plain words for the JSON names.
/// </summary>
public static partial class FieldMessages
{
    private static readonly (string Json, string Words)[] Names =
    [
        ("awareAt", "the time you became aware"),
        ("determinedAt", "the time the breach was determined"),
        ("assessedAt", "the time the assessment finished"),
        ("occurredFrom", "the time the breach began"),
        ("occurredUntil", "the time the breach ended"),
    ];

    public static string ForPerson(string label, string message)
    {
        foreach (var (json, words) in Names) message = message.Replace(json, words, StringComparison.Ordinal);
        // The API lists the ids a field accepts; a form shows the choices themselves.
        if (IdList().IsMatch(message))
            message = message.StartsWith("is required", StringComparison.Ordinal) ? "is required: choose one of the options."
                : IdList().Replace(message, " one of the choices offered.");
        return message.Length > 0 && (char.IsLower(message[0]) || message[0] == '\'') ? $"{label} {message}" : message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@":? one of [a-z0-9-]+(, [a-z0-9-]+)+\.$")]
    private static partial System.Text.RegularExpressions.Regex IdList();
}
