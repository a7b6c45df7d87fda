using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;

namespace Compliance.Tests.Api;

/// <summary>
/// A breach like Amnesty International Hong Kong's in 2019, through the API alone: the voluntary Hong Kong duties,
/// a few supporters in the UK whose duties are mandatory, an awareness time corrected, decisions, filings with
/// evidence, the audit exported, and an incident that cannot close while the law still waits.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IncidentStoryTests(ApiServers servers)
{
    private static readonly string Breach = ApiWorld.HongKongIncident("Intruders in the supporter database (Hong Kong)")
        .Replace("""[{ "jurisdiction": "HK", "count": 2400 }]""", """[{ "jurisdiction": "HK", "count": 2400 }, { "jurisdiction": "GB", "count": 120, "estimated": true }]""");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_Hong_Kong_breach_from_logging_to_closing(DatabaseProvider provider)
    {
        var world = await servers.For(provider);

        // Logged: the Hong Kong duties are voluntary, the UK's are not.
        using var created = await world.PostJsonAsync(Caller.SecurityLead, "/api/v1/incidents", Breach);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incident = await world.ReadJsonAsync(created);
        var id = incident.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/incidents/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"0\"", created.Headers.ETag!.Tag);
        Assert.Equal("2019-03-15T09:00:00+08:00", incident.GetProperty("awareAt").GetString());
        Assert.Equal("open", incident.GetProperty("status").GetString());
        Assert.Matches("^INC-2019-[0-9]{3}$", incident.GetProperty("reference").GetString());

        var duties = await Obligations(world, id);
        var openAtFirst = duties.Count(o => o.GetProperty("status").GetString() == "open");
        Assert.Equal(openAtFirst, (await Listed(world, id)).GetProperty("openObligations").GetInt32());
        Assert.False(Duty(duties, "hk-pdpo-pcpd").GetProperty("mandatory").GetBoolean());
        Assert.Equal("regulator", Duty(duties, "hk-pdpo-pcpd").GetProperty("recipient").GetString());
        Assert.False(Duty(duties, "hk-pdpo-individuals").GetProperty("mandatory").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Duty(duties, "hk-pdpo-individuals").GetProperty("deadline").ValueKind);
        var ico = Duty(duties, "uk-gdpr-art33");
        Assert.True(ico.GetProperty("mandatory").GetBoolean());
        Assert.Equal("2019-03-18T01:00:00+00:00", ico.GetProperty("deadline").GetString());
        Assert.Equal("Europe/London", ico.GetProperty("timeZone").GetString());

        // The team was in fact aware the evening before: the ICO's 72 hours move, and the old duty stays in the history.
        using var corrected = await world.PatchJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{id}",
            """{ "awareAt": "2019-03-14T17:00:00+08:00" }""", ifMatch: "\"0\"");
        Assert.Equal(1, (await world.ReadJsonAsync(corrected)).GetProperty("version").GetInt32());
        var history = (await Obligations(world, id, history: true)).Where(o => o.GetProperty("ruleId").GetString() == "uk-gdpr-art33").ToList();
        Assert.Equal(2, history.Count);
        var old = Assert.Single(history, o => o.GetProperty("status").GetString() == "superseded");
        Assert.Equal("2019-03-18T01:00:00+00:00", old.GetProperty("deadline").GetString());
        Assert.Equal("2019-03-16T02:00:00+00:00", old.GetProperty("supersededAt").GetString());
        Assert.Equal("2019-03-17T09:00:00+00:00", Duty(await Obligations(world, id), "uk-gdpr-art33").GetProperty("deadline").GetString());

        using var stale = await world.PatchJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{id}", """{ "title": "Edited from an old copy" }""", ifMatch: "\"0\"");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);

        // Legal decides the police report is not needed, and files with the PCPD, keeping its receipt.
        duties = await Obligations(world, id);
        var decided = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, $"/api/v1/obligations/{Id(Duty(duties, "hk-police"))}/decision",
            """{ "decision": "not-required", "rationale": "Nothing criminal to add to what the CSTCB already has from our IT provider." }"""));
        Assert.Equal("not-required", decided.GetProperty("status").GetString());
        Assert.Equal(world.EmailOf(Caller.Legal), decided.GetProperty("decision").GetProperty("by").GetString());
        Assert.Equal("2019-03-16T10:00:00+08:00", decided.GetProperty("decision").GetProperty("at").GetString());

        var receipt = Encoding.UTF8.GetBytes("%PDF-1.4 PCPD acknowledgement DBN-2019-0042");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("2019-03-16T09:30:00+08:00"), "filedAt" },
            { new StringContent("PCPD DBN-2019-0042"), "reference" },
            { new ByteArrayContent(receipt) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "evidence", "pcpd-receipt.pdf" },
        };
        var filed = await world.ReadJsonAsync(await world.SendAsync(Caller.Legal, HttpMethod.Post,
            $"/api/v1/obligations/{Id(Duty(duties, "hk-pdpo-pcpd"))}/fulfilment", form));
        var fulfilment = filed.GetProperty("fulfilment");
        Assert.Equal("done", filed.GetProperty("status").GetString());
        Assert.Equal("2019-03-16T09:30:00+08:00", fulfilment.GetProperty("filedAt").GetString());
        Assert.False(fulfilment.GetProperty("late").GetBoolean());
        // The list counts what is still open at once (its duties are kept per change of the organisation, not read per request).
        Assert.Equal((await Obligations(world, id)).Count(o => o.GetProperty("status").GetString() == "open"),
            (await Listed(world, id)).GetProperty("openObligations").GetInt32());

        using var download = await world.GetAsync(Caller.Viewer, fulfilment.GetProperty("evidenceUrl").GetString()!);
        Assert.Equal(receipt, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("pcpd-receipt.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(receipt))}:", download.Headers.GetValues("Repr-Digest").Single());

        // The UK duties are still open: closing is refused, naming the status, and the title sent with it is not kept either.
        using var refused = await world.PatchJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{id}", """{ "title": "Closed: HK intrusion", "status": "closed" }""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("mandatory", ErrorsOf(await refused.Content.ReadAsStringAsync(), "status"));
        var unchanged = await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, $"/api/v1/incidents/{id}"));
        Assert.Equal(("Intruders in the supporter database (Hong Kong)", 1, "open"),
            (unchanged.GetProperty("title").GetString(), unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("status").GetString()));

        foreach (var duty in (await Obligations(world, id)).Where(o => o.GetProperty("mandatory").GetBoolean() && o.GetProperty("status").GetString() == "open"))
            await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Legal, $"/api/v1/obligations/{Id(duty)}/fulfilment",
                """{ "filedAt": "2019-03-16T09:45:00+08:00", "reference": "ICO case IC-2019-117" }"""));
        var closed = await world.ReadJsonAsync(await world.PatchJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{id}", """{ "status": "closed" }"""));
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        // The audit log leaves as CSV, and the export is itself on the log.
        using var csv = await world.SendAsync(Caller.Legal, HttpMethod.Get, $"/api/v1/incidents/{id}/audit",
            configure: r => r.Headers.Accept.ParseAdd("text/csv"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal("sequence,at,incident,actor,action,data,previous_hash,hash", lines[0].TrimEnd('\r'));
        foreach (var action in new[] { "incident.created", "incident.updated", "obligation.superseded", "obligation.decided", "obligation.fulfilled", "incident.status-changed" })
            Assert.Contains(lines, l => l.Contains($"\"{action}\""));

        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{id}/audit?limit=200"));
        var last = audit.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal("audit.exported", last.GetProperty("action").GetString());
        Assert.Equal(world.EmailOf(Caller.Legal), last.GetProperty("actor").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_responder_adds_to_the_timeline_which_reads_in_the_incident_s_zone(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        using var added = await world.PostJsonAsync(Caller.ResponderOnThisIncident, $"/api/v1/incidents/{world.IncidentId}/timeline",
            """{ "at": "2019-03-15T03:10:00Z", "description": "Outbound transfer to an unknown host found in the firewall log." }""");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var timeline = await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, $"/api/v1/incidents/{world.IncidentId}/timeline"));
        var entry = Assert.Single(timeline.GetProperty("events").EnumerateArray(), e => e.GetProperty("description").GetString()!.StartsWith("Outbound transfer"));
        Assert.Equal("2019-03-15T11:10:00+08:00", entry.GetProperty("at").GetString());
        Assert.Equal(world.EmailOf(Caller.ResponderOnThisIncident), entry.GetProperty("recordedBy").GetString());
    }

    private static async Task<List<JsonElement>> Obligations(ApiWorld world, Guid incidentId, bool history = false) =>
        (await world.ReadJsonAsync(await world.GetAsync(Caller.Legal, $"/api/v1/incidents/{incidentId}/obligations{(history ? "?history=true" : "")}")))
            .GetProperty("obligations").EnumerateArray().ToList();

    /// <summary>The incident as <c>GET /api/v1/incidents</c> lists it, following the pages.</summary>
    private static async Task<JsonElement> Listed(ApiWorld world, Guid incidentId)
    {
        for (var page = "/api/v1/incidents?limit=200"; ;)
        {
            var list = await world.ReadJsonAsync(await world.GetAsync(Caller.Viewer, page));
            foreach (var incident in list.GetProperty("incidents").EnumerateArray())
                if (incident.GetProperty("id").GetGuid() == incidentId) return incident;
            page = list.GetProperty("next").GetString() ?? throw new InvalidOperationException($"{incidentId} is not listed");
        }
    }

    private static JsonElement Duty(IEnumerable<JsonElement> duties, string ruleId) => duties.Single(o => o.GetProperty("ruleId").GetString() == ruleId);

    private static Guid Id(JsonElement resource) => resource.GetProperty("id").GetGuid();

    public static string ErrorsOf(string problem, string field) =>
        string.Join(" ", JsonDocument.Parse(problem).RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
}
