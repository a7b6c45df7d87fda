using Compliance.Domain.Obligations;
using Compliance.Domain.Incidents;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Rules.Engine;
using Compliance.Domain.Vocabulary;
using Compliance.Domain.Workspace;
using Compliance.Tests.Support;
using NodaTime;

namespace Compliance.Tests.Api;

/// <summary>
/// The real app on one database, with two organisations: Alpha (Hong Kong), where every role and three responders
/// have tokens, and Beta (Dublin), whose admin is the outsider. Alpha's incident already has a filing with evidence.
/// </summary>
public sealed class ApiWorld : IAsyncDisposable
{
    public const string AlphaTitle = "Alpha supporter database intrusion";
    public const string AlphaSecret = "ALPHA-ONLY-7f3c";
    public const string EvidenceSecret = "ALPHA-EVIDENCE-7f3c";

    // 10:00 in Hong Kong, the day after Alpha learnt of its breach.
    public static readonly FixedClock Clock = FixedClock.At("2019-03-16T02:00:00Z");

    private readonly Dictionary<Caller, string> tokens = new();

    private ApiWorld(RunningApp app) => App = app;

    public RunningApp App { get; }
    public Guid IncidentId { get; private set; }
    public Guid OtherIncidentId { get; private set; }
    public Guid BetaIncidentId { get; private set; }
    public Guid DutyToDecide { get; private set; }
    public Guid DutyToFulfil { get; private set; }
    public Guid EvidenceId { get; private set; }
    public string EmailOf(Caller caller) => $"{caller}@{(caller == Caller.OtherOrganisation ? "beta" : "alpha")}.example".ToLowerInvariant();

    public static string HongKongIncident(string title, string summary = "") => $$"""
        { "title": "{{title}}", "summary": "{{summary}}", "awareAt": "2019-03-15T09:00:00+08:00", "timeZone": "Asia/Hong_Kong",
          "dataCategories": ["name", "national-id", "email", "phone", "postal-address"],
          "affected": [{ "jurisdiction": "HK", "count": 2400 }],
          "exfiltration": "confirmed", "encryption": "none", "cause": "external-attack", "riskLevel": "high",
          "riskRationale": "HKID numbers with names and addresses of supporters: identity theft and targeting." }
        """;

    public static async Task<ApiWorld> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider);
        var world = new ApiWorld(await RunningApp.StartAsync(database, Clock, "--Scheduler:Enabled=false", "--Webhooks:AllowLoopback=true"));
        await world.SeedAsync(database);
        return world;
    }

    private async Task SeedAsync(DatabaseOptions database)
    {
        await using var db = ComplianceDatabase.CreateContext(database);
        var alpha = new Organisation(Guid.NewGuid(), "Alpha Rights", "Asia/Hong_Kong", [JurisdictionCode.Parse("HK")], []);
        var beta = new Organisation(Guid.NewGuid(), "Beta Aid", "Europe/Dublin", [JurisdictionCode.Parse("IE")], []);
        db.Organisations.AddRange(alpha, beta);
        await db.SaveChangesAsync();

        var workspace = new IncidentCommands(db, Clock);
        var alphaLead = new Actor(Guid.NewGuid(), "seed@alpha.example", alpha.Id, Role.SecurityLead);
        IncidentId = (await workspace.CreateAsync(alphaLead, Input(HongKongIncident(AlphaTitle, AlphaSecret)))).Value!.Id;
        OtherIncidentId = (await workspace.CreateAsync(alphaLead, Input(HongKongIncident("Lost laptop at the Kowloon office")))).Value!.Id;
        var duties = (await workspace.ObligationsAsync(alphaLead, IncidentId, withHistory: false)).Value!;
        DutyToDecide = duties.Single(o => o.RuleId == "hk-pdpo-pcpd").Id;
        DutyToFulfil = duties.Single(o => o.RuleId == "hk-pdpo-individuals").Id;
        var police = duties.Single(o => o.RuleId == "hk-police").Id;
        var filed = await workspace.FulfilAsync(alphaLead, police, Clock.Now, "HKPF-2019-0315",
            new EvidenceUpload("report.txt", "text/plain", Encoding.UTF8.GetBytes(EvidenceSecret)));
        EvidenceId = filed.Value!.EvidenceFileId!.Value;
        BetaIncidentId = (await workspace.CreateAsync(new Actor(Guid.NewGuid(), "seed@beta.example", beta.Id, Role.SecurityLead),
            Input(HongKongIncident("Beta donor list exposed").Replace("\"HK\"", "\"IE\"")))).Value!.Id;

        var now = Clock.Now;
        Issue(db, Caller.Admin, alpha.Id, Role.Admin);
        Issue(db, Caller.SecurityLead, alpha.Id, Role.SecurityLead);
        Issue(db, Caller.Legal, alpha.Id, Role.Legal);
        Issue(db, Caller.Viewer, alpha.Id, Role.Viewer);
        Issue(db, Caller.ResponderOnThisIncident, alpha.Id, Role.Responder, IncidentId, now + Duration.FromDays(7));
        Issue(db, Caller.ResponderOnAnotherIncident, alpha.Id, Role.Responder, OtherIncidentId, now + Duration.FromDays(7));
        Issue(db, Caller.ExpiredResponder, alpha.Id, Role.Responder, IncidentId, now - Duration.FromHours(1));
        Issue(db, Caller.OtherOrganisation, beta.Id, Role.Admin);
        Issue(db, Caller.RevokedToken, alpha.Id, Role.Admin).RevokedAt = now - Duration.FromMinutes(5);
        tokens[Caller.BadToken] = ApiToken.Prefix + "this-token-was-never-issued";
        await db.SaveChangesAsync();
    }

    private ApiToken Issue(ComplianceDbContext db, Caller caller, Guid organisationId, Role role, Guid? incidentId = null, Instant? expiresAt = null)
    {
        var user = new User(Guid.NewGuid(), EmailOf(caller), caller.ToString(), Clock.Now);
        db.Users.Add(user);
        db.Members.Add(new Member(Guid.NewGuid(), organisationId, user.Id, role, incidentId, expiresAt));
        var (token, secret) = ApiToken.Issue(user.Id, organisationId, "tests", Clock.Now);
        db.ApiTokens.Add(token);
        tokens[caller] = secret;
        return token;
    }

    private static IncidentInput Input(string json) =>
        IncidentInput.Parse(JsonDocument.Parse(json).RootElement, "Asia/Hong_Kong").Input ?? throw new ArgumentException(json);

    public async Task<HttpResponseMessage> SendAsync(Caller caller, HttpMethod method, string path, HttpContent? content = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (tokens.TryGetValue(caller, out var token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        configure?.Invoke(request);
        return await App.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(Caller caller, string path) => SendAsync(caller, HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostJsonAsync(Caller caller, string path, string json) =>
        SendAsync(caller, HttpMethod.Post, path, Json(json));

    public Task<HttpResponseMessage> PatchJsonAsync(Caller caller, string path, string json, string? ifMatch = null) =>
        SendAsync(caller, HttpMethod.Patch, path, Json(json), r => { if (ifMatch is not null) r.Headers.TryAddWithoutValidation("If-Match", ifMatch); });

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
