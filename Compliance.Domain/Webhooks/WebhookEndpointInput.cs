using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Webhooks;

/// <summary>The fields an admin sets on an endpoint, checked once for the page and the API (errors keyed by JSON name).</summary>
public static class WebhookEndpointInput
{
    public static void CheckUrl(string? url, WebhookAddressRule rule, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(url)) errors["url"] = ["is required: the https:// address that receives the events."];
        else if (rule.Problem(url.Trim()) is { } problem) errors["url"] = [problem];
    }

    public static void CheckDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is not null && PlainText.Problem(description.Trim(), WebhookEndpoint.DescriptionLength) is { } problem) errors["description"] = [problem];
    }

    public static void CheckEvents(IReadOnlyList<string>? events, Dictionary<string, string[]> errors)
    {
        if (events is null || events.Count == 0)
            errors["events"] = [$"choose at least one event type: {string.Join(", ", WebhookEvents.All)}."];
        else if (events.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown)
            errors["events"] = [$"'{unknown}' is not an event type; known: {string.Join(", ", WebhookEvents.All)}."];
    }

    /// <summary>The events in the catalogue's order, each once.</summary>
    public static List<string> Normalised(IReadOnlyList<string> events) => WebhookEvents.All.Where(events.Contains).ToList();
}
