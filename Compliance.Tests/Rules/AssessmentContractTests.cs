using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Rules;

// The assessment contract of design.md, through both doors: the command line and the JSON API.
public sealed class AssessmentContractTests
{
    public const string DesignExample = """
        {
          "organisation": { "establishments": ["IE"], "timeZone": "Europe/Dublin", "attributes": ["commercial-activity"] },
          "awareAt": "2025-06-13T16:00:00+01:00",
          "determinedAt": null,
          "assessedAt": null,
          "dataCategories": ["name", "email", "phone", "political-opinion"],
          "affected": [{ "jurisdiction": "IE", "count": 8000 }],
          "exfiltration": "confirmed",
          "encryption": "none",
          "cause": "phishing",
          "riskLevel": "high"
        }
        """;

    private static string With(string field, string jsonValue)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(DesignExample)!.AsObject();
        var path = field.Split('.');
        var target = node;
        foreach (var part in path[..^1]) target = target[part]!.AsObject();
        target[path[^1]] = jsonValue == "<remove>" ? null : System.Text.Json.Nodes.JsonNode.Parse(jsonValue);
        if (jsonValue == "<remove>") target.Remove(path[^1]);
        return node.ToJsonString();
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { With("organisation.timeZone", "\"Europe/Atlantis\""), "organisation.timeZone", "not an IANA time zone" },
        { With("dataCategories", "[\"name\", \"shoe-size\"]"), "dataCategories[1]", "'shoe-size' is not a data category" },
        { With("affected", "[{\"jurisdiction\": \"Ireland\", \"count\": 5}]"), "affected[0].jurisdiction", "'Ireland' is a name, not an ISO 3166 code: write IE" },
        { With("affected", "[{\"jurisdiction\": \"IE\", \"count\": -5}]"), "affected[0].count", "negative" },
        { With("awareAt", "<remove>"), "awareAt", "is required" },
        { With("awareAt", "\"2025-06-13T16:00:00\""), "awareAt", "with its offset" },
        { With("riskLevel", "\"catastrophic\""), "riskLevel", "is not one of unlikely, risk, high" },
        { With("determinedAt", "\"2025-06-12T16:00:00+01:00\""), "determinedAt", "must not be before awareAt" },
        { "{ \"awareAt\": ", "$", "not valid JSON" },
    };

    private static Task<(int Code, string Out, string Err)> Cli(string input, params string[] args) =>
        Support.Cli.RunAsync(FixedClock.At("2026-01-01T00:00:00Z"), input, ["assess", .. args]);

    [Fact]
    public async Task The_command_line_reads_the_design_example_from_a_file_and_prints_the_contract()
    {
        var file = Path.Combine(Path.GetTempPath(), $"assess-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, DesignExample);
        var (code, output, err) = await Cli("", file);

        Assert.Equal(0, code);
        Assert.Equal("", err);
        var first = JsonDocument.Parse(output).RootElement.GetProperty("obligations")[0];
        Assert.Equal("IE", first.GetProperty("jurisdiction").GetString());
        Assert.Equal("regulator", first.GetProperty("recipient").GetString());
        Assert.Equal("Data Protection Commission", first.GetProperty("authority").GetString());
        Assert.Equal("2025-06-16T16:00:00+01:00", first.GetProperty("deadline").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("latestDeadline").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("target").ValueKind);
        Assert.Equal("eu-gdpr-art33", first.GetProperty("ruleId").GetString());
        Assert.Equal("2018-05-25", first.GetProperty("ruleVersion").GetString());
        Assert.Equal(
            ["jurisdiction", "recipient", "authority", "stage", "mandatory", "deadline", "latestDeadline", "target", "timeZone", "ruleId", "ruleVersion", "reason", "sources", "status"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("in-force-fixed-clock", first.GetProperty("status").GetString()); // additive: the regime's status class
        var regime = JsonDocument.Parse(output).RootElement.GetProperty("regimes")[0];
        Assert.Equal(["jurisdiction", "regimeId", "status", "ruleVersion", "operativeFrom", "gateMet", "note"], regime.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_command_line_reads_standard_input_with_a_dash()
    {
        var (code, output, _) = await Cli(DesignExample, "-");
        Assert.Equal(0, code);
        Assert.Contains("\"eu-gdpr-art34\"", output);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_on_the_command_line_exits_2_naming_the_field_and_prints_nothing_else(string body, string field, string message)
    {
        var (code, output, err) = await Cli(body, "-");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"error: {field}: ", err);
        Assert.Contains(message, err);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var (code, output, err) = await Cli("", "/nonexistent/incident.json");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("cannot read '/nonexistent/incident.json'", err);
    }

    [Fact]
    public async Task The_real_executable_exits_2_on_bad_input_with_stdout_empty()
    {
        var psi = new ProcessStartInfo("dotnet", [typeof(CommandLine).Assembly.Location, "assess", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(With("affected", "[{\"jurisdiction\": \"IE\", \"count\": -1}]"));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", output);
        Assert.Contains("affected[0].count", err);
    }

    [Fact]
    public async Task The_API_returns_the_same_obligations_as_the_command_line()
    {
        await using var app = await RunningApp.StartAsync(await TestDatabases.CreateAsync(DatabaseProvider.Sqlite), FixedClock.At("2026-01-01T00:00:00Z"));
        var response = await app.Client.PostAsync("/api/v1/assessments", new StringContent(DesignExample, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetRawText();

        var (_, cli, _) = await Cli(DesignExample, "-");
        Assert.Equal(JsonDocument.Parse(cli).RootElement.GetRawText().Replace(" ", "").Replace("\n", "").Replace("\r", ""),
            api.Replace(" ", "").Replace("\n", "").Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_to_the_API_is_a_400_problem_naming_the_field(string body, string field, string message)
    {
        await using var app = await RunningApp.StartAsync(await TestDatabases.CreateAsync(DatabaseProvider.Sqlite), FixedClock.At("2026-01-01T00:00:00Z"));
        var response = await app.Client.PostAsync("/api/v1/assessments", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(message));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_assessment_endpoint()
    {
        await using var app = await RunningApp.StartAsync(await TestDatabases.CreateAsync(DatabaseProvider.Sqlite), FixedClock.At("2026-01-01T00:00:00Z"));
        var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/assessments", out var path));
        Assert.True(path.TryGetProperty("post", out _));
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/incidents").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_benchmark_command_prints_its_figures()
    {
        var stdout = new StringWriter();
        var code = await BenchCommandLine.RunAsync(["assess", "--seconds", "1"], FixedClock.At("2026-01-01T00:00:00Z"), stdout, TextWriter.Null);
        Assert.Equal(0, code);
        var every = BenchCommand.EveryJurisdiction(Compliance.Domain.Rules.Catalogue.RuleCatalogue.Default);
        Assert.Contains($"{every.Length} jurisdictions", stdout.ToString());
        Assert.Contains("MY", every);
        Assert.Contains("CA-BC", every);
        Assert.Contains("median", stdout.ToString());
    }
}
