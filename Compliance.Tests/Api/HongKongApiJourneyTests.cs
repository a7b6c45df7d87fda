using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Notices;
using Compliance.Tests.Pages.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;
using Compliance.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Api;

/// <summary>
/// Amnesty Hong Kong's 2019 weeks driven by a program alone: log the intrusion, import the supporters, flag the two
/// activists, write the notice, prepare a campaign that a second person approves, let the worker send it, download the
/// proof, and compose and mark the PCPD filing filed. Every step is an API call with a token; no page is opened.
/// </summary>
public sealed class HongKongApiJourneyTests : IAsyncLifetime
{
    private readonly SmtpSink sink = new();
    private readonly PagesApp app;
    private HttpClient lead = null!;
    private HttpClient legal = null!;

    public HongKongApiJourneyTests() => app = new PagesApp
    {
        Arguments =
        [
            "--Scheduler:Enabled=true", "--Reminders:SweepSeconds=1",
            "--Mail:Smtp:Host=127.0.0.1", $"--Mail:Smtp:Port={sink.Port}", "--Mail:Smtp:StartTls=false", "--Mail:From=notices@demo.example",
        ],
    };

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        lead = await ClientAsync(PagesApp.Lead);
        legal = await ClientAsync(PagesApp.Legal);
    }

    [Fact]
    public async Task The_Hong_Kong_breach_is_handled_through_the_API_alone()
    {
        // 1. The security lead logs the intrusion; the PCPD duty appears with its source.
        var incident = await JsonAsync(lead, HttpMethod.Post, "/api/v1/incidents", """
            { "title": "Intruders in the supporter database (API)", "awareAt": "2026-11-20T09:00:00+08:00", "timeZone": "Asia/Hong_Kong",
              "dataCategories": ["name", "national-id", "email", "phone", "postal-address"], "affected": [{ "jurisdiction": "HK", "count": 9 }],
              "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high",
              "riskRationale": "HKID numbers with names and contact details of supporters, some of them activists." }
            """, HttpStatusCode.Created);
        var id = incident.GetProperty("id").GetGuid();
        var api = $"/api/v1/incidents/{id}";
        var duties = await JsonAsync(lead, HttpMethod.Get, api + "/obligations");
        var pcpd = duties.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("ruleId").GetString() == "hk-pdpo-pcpd");

        // 2. Import the supporters: upload, read the check, confirm with the guessed columns.
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(DemoSeeder.HongKongSupporters.Replace("\r", ""))) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "supporters.csv" } };
        var check = await JsonAsync(lead, HttpMethod.Post, api + "/people/uploads", upload, HttpStatusCode.Created);
        Assert.True(check.GetProperty("canImport").GetBoolean(), check.ToString());
        await JsonAsync(lead, HttpMethod.Post, $"{api}/people/uploads/{check.GetProperty("id").GetGuid()}/import", Json("{}"));

        // 3. Flag the two activists at risk: never emailed.
        var people = await JsonAsync(lead, HttpMethod.Get, api + "/people?limit=200");
        var atRisk = new[] { "林志偉", "Ho Sze Wan" };
        foreach (var person in people.GetProperty("items").EnumerateArray().Where(p => atRisk.Contains(p.GetProperty("name").GetString())))
            await JsonAsync(lead, HttpMethod.Patch, $"{api}/people/{person.GetProperty("id").GetGuid()}",
                Json("""{ "doNotEmail": true, "redactions": "Reach only through the Hong Kong office or a trusted lawyer." }"""));

        // 4. Legal writes the notice in the two languages the Hong Kong supporters read.
        await JsonAsync(legal, HttpMethod.Put, api + "/notices/en", Json(JsonSerializer.Serialize(new { fields = CampaignWorld.Draft })));
        await JsonAsync(legal, HttpMethod.Put, api + "/notices/zh-Hant", Json(JsonSerializer.Serialize(new { fields = CampaignWorld.ChineseDraft })));

        // 5. Legal prepares the Hong Kong campaign; the security lead, a second person, approves it (a retry changes nothing).
        var campaign = await JsonAsync(legal, HttpMethod.Post, api + "/campaigns",
            Json("""{ "name": "Hong Kong supporters", "jurisdictions": ["HK"], "languages": ["en", "zh-Hant"] }"""), HttpStatusCode.Created);
        var self = campaign.GetProperty("links").GetProperty("self").GetString()!;
        var key = Guid.NewGuid().ToString();
        await JsonAsync(lead, HttpMethod.Post, self + "/approve", Json("{}"), configure: r => r.Headers.Add("Idempotency-Key", key));
        await JsonAsync(lead, HttpMethod.Post, self + "/approve", Json("{}"), configure: r => r.Headers.Add("Idempotency-Key", key));

        // 6. The worker sends it: every Hong Kong supporter with an address gets one message, the activists none.
        var progress = await WaitForAsync(self, c => c.GetProperty("state").GetString() == "completed");
        await sink.SettledAsync();
        var received = sink.Received();
        string[] expected = ["tai.man.chan@example.hk", "wailing.lee@example.hk", "mei.ling.wong@example.hk", "kaho.cheung@example.hk",
                             "ka.ho.leung@example.hk", "siufung.mak@example.hk"];
        Assert.Equal(expected.Order(), received.Select(m => m.Header("To")!.Trim()).Order());
        Assert.DoesNotContain(received, m => m.Header("To")!.Contains("chi.wai.lam@") || m.Header("To")!.Contains("szewan.ho@"));
        Assert.Equal(6, progress.GetProperty("progress").GetProperty("sent").GetInt32());

        // 7. The proof for the PCPD and the supporters' questions: every recipient with what happened to their notice.
        using var proof = await lead.GetAsync(self + "/proof.csv");
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        var rows = (await proof.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(expected, email => Assert.Contains(rows, r => r.Contains(email) && r.Contains("sent")));
        Assert.Equal(expected.Length, rows.Length - 1);
        Assert.DoesNotContain(rows, r => r.Contains("林志偉") || r.Contains("Ho Sze Wan")); // never queued, so never at risk of a send
        var flagged = await JsonAsync(lead, HttpMethod.Get, api + "/people?limit=200");
        Assert.All(flagged.GetProperty("items").EnumerateArray().Where(p => atRisk.Contains(p.GetProperty("name").GetString())),
            p => Assert.True(p.GetProperty("doNotEmail").GetBoolean()));

        // 8. Legal composes the PCPD filing, downloads it, and marks it filed: the duty is fulfilled.
        var draft = await JsonAsync(legal, HttpMethod.Get, api + "/filings/HK");
        var narrative = new Dictionary<string, string>
        {
            ["description"] = "Intruders copied supporters' names, HKID numbers and contact details.",
            ["measures"] = "Access closed, passwords changed, supporters told.",
            ["contact"] = "privacy@demo.example",
        };
        foreach (var missing in draft.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("field").GetString()!))
            if (missing.StartsWith("narrative.", StringComparison.Ordinal)) narrative.TryAdd(missing["narrative.".Length..], $"Our answer on {missing[10..]} for the PCPD.");
        var filing = await JsonAsync(legal, HttpMethod.Post, api + "/filings/HK", Json(JsonSerializer.Serialize(new
        {
            stage = "initial", organisationName = "Amnesty International Hong Kong", narrative,
        })), HttpStatusCode.Created);
        var complete = await JsonAsync(legal, HttpMethod.Get, api + "/filings/HK");
        Assert.True(complete.GetProperty("missing").GetArrayLength() == 0, complete.GetProperty("missing").ToString());
        using var pdf = await legal.GetAsync(filing.GetProperty("pdf").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = Compliance.Tests.Filings.Support.PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Amnesty International Hong Kong", text);
        Assert.Contains("HKID numbers", text);
        var filed = filing.GetProperty("pdf").GetString()!.Replace(".pdf", "/filed", StringComparison.Ordinal);
        await JsonAsync(legal, HttpMethod.Post, filed, Json("""{ "filedAt": "2026-11-21T16:00:00+08:00", "reference": "PCPD-2026-1121" }"""),
            configure: r => r.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        var after = await JsonAsync(legal, HttpMethod.Get, api + "/obligations");
        var done = after.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == pcpd.GetProperty("id").GetGuid());
        Assert.Equal("PCPD-2026-1121", done.GetProperty("fulfilment").GetProperty("reference").GetString());

        // The audit log holds the whole story, approval once.
        var audit = await JsonAsync(lead, HttpMethod.Get, api + "/audit?limit=200");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "campaign.approved");
        Assert.Contains("campaign.prepared", actions);
    }

    private async Task<JsonElement> WaitForAsync(string campaign, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var current = await JsonAsync(lead, HttpMethod.Get, campaign);
            if (done(current)) return current;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The campaign did not finish: {(await JsonAsync(lead, HttpMethod.Get, campaign))}");
    }

    private async Task<HttpClient> ClientAsync(string email)
    {
        var db = app.Services.GetRequiredService<DatabaseOptions>();
        var (code, token, err) = await Cli.RunAsync(db, app.Clock, "", "token", "create", "--email", email, "--name", "API journey");
        Assert.True(code == 0, err);
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<JsonElement> JsonAsync(HttpClient client, HttpMethod method, string path, string json, HttpStatusCode expected) =>
        JsonAsync(client, method, path, Json(json), expected);

    private static async Task<JsonElement> JsonAsync(HttpClient client, HttpMethod method, string path, HttpContent? body = null,
        HttpStatusCode expected = HttpStatusCode.OK, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        lead?.Dispose();
        legal?.Dispose();
        await app.DisposeAsync();
        sink.Dispose();
    }
}
