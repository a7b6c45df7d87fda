using System.Text.Json.Nodes;
using Compliance.Jobs.Filings;
using NodaTime;
using NodaTime.Text;

namespace Compliance.Tests.Filings.Support;

/// <summary>Filing requests as the command reads them: the assessment contract plus the narrative fields.</summary>
public static class FilingInputs
{
    public const string ChineseBranch = "國際特赦組織香港分會";

    public static readonly Instant PreparedAt = InstantPattern.ExtendedIso.Parse("2026-01-01T00:00:00Z").Value;

    /// <summary>The Hong Kong seed incident of seed-demo (INC-2019-001), with the branch's Chinese name.</summary>
    public static JsonObject HongKongSeed() => Complete(new JsonObject
    {
        ["organisation"] = new JsonObject { ["establishments"] = new JsonArray("CA"), ["timeZone"] = "America/Toronto", ["attributes"] = new JsonArray() },
        ["awareAt"] = "2019-03-15T09:00:00+08:00",
        ["dataCategories"] = new JsonArray("name", "national-id", "email", "phone", "postal-address"),
        ["affected"] = new JsonArray(new JsonObject { ["jurisdiction"] = "HK", ["count"] = 2400 }),
        ["exfiltration"] = "confirmed",
        ["encryption"] = "none",
        ["cause"] = "external-attack",
        ["riskLevel"] = "high",
        ["organisationName"] = ChineseBranch + " (Amnesty International Hong Kong)",
        ["title"] = "Intruders in the supporter database (Hong Kong)",
        ["filedAt"] = "2019-03-18T10:00:00+08:00",
        ["description"] = "State-sponsored intruders were found in our systems. Supporters' names, Hong Kong ID numbers and contact details were taken; no financial data. 我們的支持者資料庫遭入侵。",
    });

    /// <summary>An incident affecting people in one jurisdiction, with every narrative field written.</summary>
    public static JsonObject In(string jurisdiction, int count, string zone = "UTC", params string[] attributes) => Complete(new JsonObject
    {
        ["organisation"] = new JsonObject
        {
            ["establishments"] = new JsonArray(JsonValue.Create(jurisdiction)),
            ["timeZone"] = zone,
            ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        },
        ["awareAt"] = "2025-06-13T16:00:00+01:00",
        ["dataCategories"] = new JsonArray("name", "email", "national-id", "health"),
        ["affected"] = new JsonArray(new JsonObject { ["jurisdiction"] = jurisdiction, ["count"] = count }, new JsonObject { ["jurisdiction"] = "NZ", ["count"] = 10 }),
        ["exfiltration"] = "confirmed",
        ["encryption"] = "none",
        ["cause"] = "phishing",
        ["riskLevel"] = "high",
        ["organisationName"] = "Rights Alliance",
        ["title"] = "Phishing of the membership officer",
        ["filedAt"] = "2025-06-14T12:00:00+01:00",
        ["description"] = "A staff account was phished and the membership database was exported.",
    });

    private static JsonObject Complete(JsonObject o)
    {
        o["consequences"] ??= "Identity fraud and targeted harassment of supporters are possible.";
        o["measures"] ??= "Passwords were reset, the account was locked and two-factor sign-in was enforced.";
        o["measuresPlanned"] ??= "We will audit access to the database every month.";
        o["contact"] ??= "Data protection officer, dpo@rights.example, +852 5555 0100";
        o["occurred"] ??= "Between 2019-03-10 and 2019-03-15, supporter database server in Hong Kong";
        o["discovery"] ??= "Our security monitoring raised an alert about unusual exports.";
        o["chronology"] ??= "Day 1: alert and containment. Day 2: forensic review. Day 3: assessment completed.";
        o["individualsNotice"] ??= "Every affected supporter was told by email on the day after the assessment.";
        o["noticesSent"] ??= 480;
        o["lawEnforcement"] ??= "Reported to the police; the police are investigating.";
        o["otherRegulators"] ??= "None.";
        o["adviceToIndividuals"] ??= "Watch for phishing messages and report unexpected contact.";
        o["delayReasons"] ??= "Not applicable.";
        return o;
    }

    public static JsonObject With(this JsonObject o, string field, JsonNode? value)
    {
        var copy = o.DeepClone().AsObject();
        if (value is null) copy.Remove(field);
        else copy[field] = value;
        return copy;
    }

    public static FilingRequest Request(JsonObject json)
    {
        var parsed = FilingRequestParser.Parse(json.ToJsonString());
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return parsed.Request!;
    }

    public static FilingDocument Compose(JsonObject json, string jurisdiction) =>
        FilingComposer.Default.Compose(Request(json), jurisdiction, PreparedAt);
}
