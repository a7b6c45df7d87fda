using System.Text.Json;
using Compliance.Domain.Vocabulary;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Domain.Rules.Assessment;

/// <summary>Writes obligations exactly in the contract's shape and field order (design.md).</summary>
public static class AssessmentResponseWriter
{
    // "2025-06-16T16:00:00+01:00": the offset of the obligation's zone at that instant; fractions only when present.
    private static readonly OffsetDateTimePattern Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    public static void Write(Utf8JsonWriter w, IReadOnlyList<AssessedObligation> obligations)
    {
        w.WriteStartObject();
        w.WriteStartArray("obligations");
        foreach (var o in obligations)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", o.Jurisdiction);
            w.WriteString("recipient", KebabCase<Recipient>.ToId(o.Recipient));
            w.WriteString("authority", o.Authority);
            w.WriteString("stage", o.Stage);
            w.WriteBoolean("mandatory", o.Mandatory);
            WriteInstant(w, "deadline", o.Deadline, o.TimeZone);
            WriteInstant(w, "latestDeadline", o.LatestDeadline, o.TimeZone);
            WriteInstant(w, "target", o.Target, o.TimeZone);
            w.WriteString("timeZone", o.TimeZone.Id);
            w.WriteString("ruleId", o.RuleId);
            w.WriteString("ruleVersion", o.RuleVersion);
            w.WriteString("reason", o.Reason);
            w.WriteStartArray("sources");
            foreach (var s in o.Sources) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteString("status", KebabCase<RegimeStatus>.ToId(o.Status));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (obligations is IncidentAssessment assessment)
        {
            WriteRegimes(w, assessment.Regimes);
            if (assessment.Facts is not null) WriteConsidered(w, assessment.Considered);
        }
        w.WriteEndObject();
    }

    // Additive to the contract: every regime routed to the incident, with or without a duty, and its status.
    private static void WriteRegimes(Utf8JsonWriter w, IReadOnlyList<RegimeConsidered> regimes)
    {
        w.WriteStartArray("regimes");
        foreach (var r in regimes)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", r.Jurisdiction);
            w.WriteString("regimeId", r.RegimeId);
            w.WriteString("status", KebabCase<RegimeStatus>.ToId(r.Status));
            if (r.RuleVersion is { } v) w.WriteString("ruleVersion", v); else w.WriteNull("ruleVersion");
            if (r.OperativeFrom is { } from) w.WriteString("operativeFrom", LocalDatePattern.Iso.Format(from)); else w.WriteNull("operativeFrom");
            w.WriteBoolean("gateMet", r.GateMet);
            if (r.Note is { } note) w.WriteString("note", note); else w.WriteNull("note");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // Additive to the contract (design.md): "why no duty here?", one entry per regime routed to an affected jurisdiction.
    private static void WriteConsidered(Utf8JsonWriter w, IReadOnlyList<Explanations.ConsideredRule> considered)
    {
        w.WriteStartArray("considered");
        foreach (var c in considered)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", c.Jurisdiction);
            w.WriteString("ruleId", c.RuleId);
            w.WriteBoolean("applied", c.Applied);
            w.WriteString("reason", c.Reason);
            w.WriteStartArray("facts");
            foreach (var f in c.Facts) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteString("kind", KebabCase<Explanations.ReasonKind>.ToId(c.Kind));
            w.WriteStartArray("duties");
            foreach (var d in c.DutyIds) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteBoolean("verifyWithCounsel", c.VerifyWithCounsel);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string ToJson(IReadOnlyList<AssessedObligation> obligations, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, obligations);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Format(Instant instant, DateTimeZone zone) => Pattern.Format(instant.InZone(zone).ToOffsetDateTime());

    private static void WriteInstant(Utf8JsonWriter w, string name, Instant? value, DateTimeZone zone)
    {
        if (value is { } v) w.WriteString(name, Format(v, zone));
        else w.WriteNull(name);
    }
}
