using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Tests.Api;
using Compliance.Tests.Support;

namespace Compliance.Tests.Tasks;

/// <summary>
/// A task completed over the API as on its page: when, notes and the police report's receipt, which downloads byte for
/// byte; one task read with its ETag; refused to roles that may not and invisible to another organisation.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TaskEvidenceApiTests(ApiServers servers)
{
    private static readonly byte[] Receipt = [.. "%PDF-1.4 HK Police report receipt CSTCB-2019-0316 "u8, 0x00, 0xFF, 0x7F, 0x80];

    private static MultipartFormDataContent Completion(byte[] evidence, string doneAt = "2019-03-16T09:30:00+08:00", string? extra = null)
    {
        // A fixed boundary, so that a retry sends the very same bytes as a tool retrying a request would.
        var form = new MultipartFormDataContent("task-completion-boundary")
        {
            { new StringContent(doneAt), "doneAt" },
            { new StringContent("Reported at Wan Chai police station."), "notes" },
            { new ByteArrayContent(evidence) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "evidence", "police-receipt.pdf" },
        };
        if (extra is not null) form.Add(new StringContent("x"), extra);
        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_police_report_completed_with_its_receipt_keeps_the_file_byte_for_byte_and_audits_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, path) = await NewTaskAsync(world);

        var done = await world.ReadJsonAsync(await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", Completion(Receipt)));
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal("2019-03-16T09:30:00+08:00", done.GetProperty("doneAt").GetString());
        Assert.Equal("Reported at Wan Chai police station.", done.GetProperty("notes").GetString());

        using var read = await world.GetAsync(Caller.Viewer, path);
        var task = await world.ReadJsonAsync(read);
        Assert.Equal($"\"{task.GetProperty("version").GetInt32()}\"", read.Headers.ETag?.ToString());
        Assert.Equal(done.GetProperty("evidenceFileId").GetGuid(), task.GetProperty("evidenceFileId").GetGuid());

        using var file = await world.GetAsync(Caller.Viewer, $"{path}/evidence");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Receipt, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("police-receipt.pdf", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Receipt))}:", string.Join("", file.Headers.GetValues("Repr-Digest")));

        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit?limit=200"));
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        var moved = Assert.Single(entries, e => e.GetProperty("action").GetString() == "task.state-changed");
        Assert.Equal(world.EmailOf(Caller.SecurityLead), moved.GetProperty("actor").GetString());
        Assert.Contains("\"done\"", moved.GetProperty("data").GetRawText());
        var filed = Assert.Single(entries, e => e.GetProperty("action").GetString() == "task.evidence-added");
        Assert.Contains(Convert.ToHexString(SHA256.HashData(Receipt)), filed.GetProperty("data").GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_completion_as_json_honours_if_match_and_a_task_without_evidence_has_no_file(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, path) = await NewTaskAsync(world);
        using var first = await world.GetAsync(Caller.SecurityLead, path);
        var etag = first.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await world.PatchJsonAsync(Caller.SecurityLead, path, """{ "officer": "Insp. Wong" }""")).StatusCode);

        using var stale = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", ApiWorld.Json("{}"),
            r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("open", (await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, path))).GetProperty("state").GetString());

        using var fresh = await world.GetAsync(Caller.SecurityLead, path);
        using var done = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", ApiWorld.Json("""{ "notes": "Filed by phone." }"""),
            r => r.Headers.TryAddWithoutValidation("If-Match", fresh.Headers.ETag!.ToString()));
        var task = await world.ReadJsonAsync(done);
        Assert.Equal("done", task.GetProperty("state").GetString());
        var doneAt = DateTimeOffset.Parse(task.GetProperty("doneAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ApiWorld.Clock.GetCurrentInstant().ToDateTimeOffset(), doneAt); // now, when no time is given
        Assert.Equal(TimeSpan.FromHours(8), doneAt.Offset); // in the incident's zone
        Assert.Equal(JsonValueKind.Null, task.GetProperty("evidenceFileId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.SecurityLead, $"{path}/evidence")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_retried_upload_with_the_same_Idempotency_Key_gets_the_first_answer_and_files_the_receipt_once(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (incident, path) = await NewTaskAsync(world);
        var key = $"complete-{Guid.NewGuid():N}";
        var answers = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var body = Completion(Receipt);
            using var answer = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", body,
                r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            answers.Add(await answer.Content.ReadAsStringAsync());
        }

        Assert.Equal(answers[0], answers[1]);
        var audit = await world.ReadJsonAsync(await world.GetAsync(Caller.Admin, $"/api/v1/incidents/{incident}/audit?limit=200"));
        Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "task.evidence-added");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Legal_and_viewers_read_the_task_but_may_not_complete_it(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, path) = await NewTaskAsync(world);
        foreach (var caller in new[] { Caller.Legal, Caller.Viewer })
        {
            Assert.Equal(HttpStatusCode.OK, (await world.GetAsync(caller, path)).StatusCode);
            using var refused = await world.SendAsync(caller, HttpMethod.Post, $"{path}/completion", Completion(Receipt));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        await AssertStillOpenAsync(world, path);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organisation_finds_neither_the_task_nor_its_evidence(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, path) = await NewTaskAsync(world);
        await world.ReadJsonAsync(await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", Completion(Receipt)));

        foreach (var suffix in new[] { "", "/evidence" })
            Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.OtherOrganisation, path + suffix)).StatusCode);
        using var foreign = await world.SendAsync(Caller.OtherOrganisation, HttpMethod.Post, $"{path}/completion", ApiWorld.Json("""{ "notes": "Not ours." }"""));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var task = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, path));
        Assert.Equal("Reported at Wan Chai police station.", task.GetProperty("notes").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_bad_time_an_unknown_field_or_a_file_over_10_MiB_is_refused_naming_it_and_nothing_changes(DatabaseProvider provider)
    {
        var world = await servers.For(provider);
        var (_, path) = await NewTaskAsync(world);
        (HttpContent Body, string Field)[] cases =
        [
            (Completion(Receipt, doneAt: "yesterday"), "doneAt"),
            (Completion(Receipt, doneAt: "2019-03-20T09:00:00+08:00"), "doneAt"), // after the world's now
            (Completion(Receipt, extra: "reference"), "reference"),
            (Completion(new byte[EvidenceFile.MaxBytes + 1]), "evidence"),
            (ApiWorld.Json("""{ "doneAt": 5 }"""), "doneAt"),
            (ApiWorld.Json("""{ "state": "done" }"""), "state"),
        ];
        foreach (var (body, field) in cases)
        {
            using var refused = await world.SendAsync(Caller.SecurityLead, HttpMethod.Post, $"{path}/completion", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotEmpty(IncidentStoryTests.ErrorsOf(await refused.Content.ReadAsStringAsync(), field));
            body.Dispose();
        }
        await AssertStillOpenAsync(world, path);
    }

    private static async Task AssertStillOpenAsync(ApiWorld world, string path)
    {
        var task = await world.ReadJsonAsync(await world.GetAsync(Caller.SecurityLead, path));
        Assert.Equal("open", task.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("evidenceFileId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await world.GetAsync(Caller.SecurityLead, $"{path}/evidence")).StatusCode);
    }

    // A fresh incident per test, so its audit holds only what the test did.
    private static async Task<(Guid Incident, string Path)> NewTaskAsync(ApiWorld world)
    {
        var incident = (await world.ReadJsonAsync(await world.PostJsonAsync(Caller.Admin, "/api/v1/incidents",
            ApiWorld.HongKongIncident("Volunteer laptop stolen")))).GetProperty("id").GetGuid();
        var task = await world.ReadJsonAsync(await world.PostJsonAsync(Caller.SecurityLead, $"/api/v1/incidents/{incident}/tasks",
            """{ "kind": "law-enforcement", "title": "Report the theft to the police" }"""));
        return (incident, $"/api/v1/incidents/{incident}/tasks/{task.GetProperty("id").GetGuid()}");
    }
}
