using System.Text.Json.Nodes;
using Compliance.Tests.Filings.Support;
using Compliance.Tests.Support;
using Compliance.Web.Commands;

namespace Compliance.Tests.Filings;

// `filing FILE --jurisdiction J --out OUT.pdf`: exit 0 with a PDF, or exit 2 with a message naming the field.
public sealed class FilingCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("filing-command-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Code, string Out, string Err, string Pdf)> Run(JsonObject? input, params string[] args)
    {
        var file = Path.Combine(folder, "incident.json");
        if (input is not null) await File.WriteAllTextAsync(file, input.ToJsonString());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var resolved = args.Select(a => a.Replace("{in}", file).Replace("{dir}", folder)).ToArray();
        var code = await FilingCommand.RunAsync(resolved, FixedClock.At("2026-01-01T00:00:00Z"), new StringReader(""), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString(), Path.Combine(folder, "out.pdf"));
    }

    [Fact]
    public async Task The_Hong_Kong_seed_filing_is_written_and_reported()
    {
        var (code, output, errors, pdf) = await Run(FilingInputs.HongKongSeed(), "{in}", "--jurisdiction", "HK", "--out", "{dir}/out.pdf");
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("pcpd", output);
        Assert.Contains("2 page(s), complete", output);
        Assert.Contains(FilingInputs.ChineseBranch, PdfTools.Text(await File.ReadAllBytesAsync(pdf)));
    }

    [Fact]
    public async Task Missing_fields_are_printed_on_stderr_without_stopping_the_filing()
    {
        var input = FilingInputs.In("IE", 8000, "Europe/Dublin").With("contact", null);
        var (code, output, errors, pdf) = await Run(input, "{in}", "--jurisdiction", "IE", "--out", "{dir}/out.pdf");
        Assert.Equal(0, code);
        Assert.Contains("missing: Contact point (Art. 33(3)(b))", errors);
        Assert.Contains("input field 'contact'", errors);
        Assert.Contains("1 required field(s) missing", output);
        Assert.True(File.Exists(pdf));
    }

    public static TheoryData<string, string, string> BadJurisdictions => new()
    {
        { "AQ", "--jurisdiction", "no rules for 'AQ'" },
        { "Hong Kong", "--jurisdiction", "is not an ISO 3166 code" },
        { "US-KY", "--jurisdiction", "no duty to notify a regulator in 'US-KY'" },
        { "US", "--jurisdiction", "No general federal breach-notification law" },
    };

    [Theory]
    [MemberData(nameof(BadJurisdictions))]
    public async Task A_jurisdiction_without_a_regulator_duty_is_bad_input(string jurisdiction, string field, string message)
    {
        var (code, _, errors, pdf) = await Run(FilingInputs.HongKongSeed(), "{in}", "--jurisdiction", jurisdiction, "--out", "{dir}/out.pdf");
        Assert.Equal(2, code);
        Assert.Contains($"error: {field}: ", errors);
        Assert.Contains(message, errors);
        Assert.False(File.Exists(pdf));
    }

    [Theory]
    [InlineData("awareAt", null, "error: awareAt: is required")]
    [InlineData("stage", "\"draft\"", "error: stage: 'draft' is not one of initial, follow-up, final")]
    [InlineData("filedAt", "\"yesterday\"", "error: filedAt: 'yesterday' is not an ISO 8601 date")]
    [InlineData("language", "\"fr\"", "error: language: 'fr' has no filing templates")]
    [InlineData("contact", "42", "error: contact: must be a string")]
    public async Task A_bad_field_is_named(string field, string? json, string message)
    {
        var input = FilingInputs.HongKongSeed().With(field, json is null ? null : JsonNode.Parse(json));
        var (code, _, errors, _) = await Run(input, "{in}", "--jurisdiction", "HK", "--out", "{dir}/out.pdf");
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
    }

    [Fact]
    public async Task An_unwritable_out_path_is_bad_input_naming_out()
    {
        var (code, _, errors, _) = await Run(FilingInputs.HongKongSeed(), "{in}", "--jurisdiction", "HK", "--out", "{dir}/no/such/folder/out.pdf");
        Assert.Equal(2, code);
        Assert.Contains("error: --out: cannot write", errors);
    }

    [Theory]
    [InlineData("error: --jurisdiction is required", "{in}", "--out", "{dir}/out.pdf")]
    [InlineData("error: --out is required", "{in}", "--jurisdiction", "HK")]
    [InlineData("error: give exactly one input FILE", "--jurisdiction", "HK", "--out", "{dir}/out.pdf")]
    [InlineData("error: cannot read", "{dir}/absent.json", "--jurisdiction", "HK", "--out", "{dir}/out.pdf")]
    public async Task Missing_arguments_are_bad_input(string message, params string[] args)
    {
        var (code, _, errors, _) = await Run(FilingInputs.HongKongSeed(), args);
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
    }
}
