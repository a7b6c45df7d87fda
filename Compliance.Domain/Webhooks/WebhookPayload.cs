using System.Text.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Vocabulary;
using NodaTime;

namespace Compliance.Domain.Webhooks;

/// <summary>
/// The JSON a receiver gets: the event's id, type and time, and in <c>data</c> only ids, kinds, deadlines and API
/// links. Never an affected person's details, and never text somebody typed (an incident's title may name people):
/// a receiver that needs more reads it through the API, with a token and the reader's permissions.
/// </summary>
public static class WebhookPayload
{
    // Offsets read "+08:00", not "\u002B08:00": the payload is JSON for programs, never pasted into HTML unencoded.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(string eventId, string type, Instant at, DateTimeZone zone, object data) =>
        JsonSerializer.Serialize(new { id = eventId, type, timestamp = AssessmentResponseWriter.Format(at, zone), data }, Json);

    public static object Incident(Guid incidentId) => new { id = incidentId, href = $"/api/v1/incidents/{incidentId}" };

    public static object Duty(Obligation duty) => new
    {
        id = duty.Id,
        ruleId = duty.RuleId,
        jurisdiction = duty.Jurisdiction,
        recipient = KebabCase<Recipient>.ToId(duty.Recipient),
        stage = duty.Stage,
        mandatory = duty.Mandatory,
        status = KebabCase<ObligationStatus>.ToId(duty.Status),
        deadline = duty.Deadline is { } d ? AssessmentResponseWriter.Format(d, ZoneOf(duty.TimeZone)) : null,
        href = $"/api/v1/incidents/{duty.IncidentId}/obligations",
    };

    public static object ForDuty(Obligation duty) => new { incident = Incident(duty.IncidentId), duty = Duty(duty) };

    public static object ForFiling(Obligation duty, Guid filingId) => new
    {
        incident = Incident(duty.IncidentId),
        duty = Duty(duty),
        filing = new { id = filingId, href = $"/api/v1/incidents/{duty.IncidentId}/filings/{duty.Jurisdiction}/versions/{filingId}.pdf" },
    };

    public static object ForCampaign(Guid incidentId, Guid campaignId) => new
    {
        incident = Incident(incidentId),
        campaign = new { id = campaignId, href = $"/api/v1/incidents/{incidentId}/campaigns/{campaignId}" },
    };

    public static DateTimeZone ZoneOf(string zoneId) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
}
