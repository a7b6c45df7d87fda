using Compliance.Jobs.Filings;
using Compliance.Jobs.Filings.Pdf;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>
/// <c>filing FILE --jurisdiction J --out OUT.pdf</c>: the filing for J's authority as PDF, from the assessment
/// contract's JSON plus the narrative fields. Missing required fields are listed on stderr and marked in the PDF;
/// they do not stop the rendering. Bad input: exit code 2 and a message naming the field.
/// </summary>
public static class FilingCommand
{
    public const string Usage = "usage: filing FILE --jurisdiction J --out OUT.pdf   (FILE may be - for standard input)";

    public static async Task<int> RunAsync(string[] args, IClock clock, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (!TryReadArguments(args, out var file, out var jurisdiction, out var output, out var problem))
        {
            await stderr.WriteLineAsync($"error: {problem}\n{Usage}");
            return CommandLine.BadInput;
        }
        string json;
        try
        {
            json = file == "-" ? await stdin.ReadToEndAsync() : await File.ReadAllTextAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot read '{file}': {e.Message}");
            return CommandLine.BadInput;
        }

        var parsed = FilingRequestParser.Parse(json);
        if (!parsed.IsValid)
        {
            foreach (var (field, messages) in parsed.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
                foreach (var message in messages)
                    await stderr.WriteLineAsync($"error: {field}: {message}");
            return CommandLine.BadInput;
        }

        FilingDocument document;
        RenderedFiling rendered;
        try
        {
            document = FilingComposer.Default.Compose(parsed.Request!, jurisdiction, clock.GetCurrentInstant());
            rendered = FilingPdfRenderer.Render(document);
        }
        catch (FilingInputException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return CommandLine.BadInput;
        }
        catch (FilingFontMissingException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return CommandLine.BadInput;
        }

        try
        {
            await File.WriteAllBytesAsync(output, rendered.Pdf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"error: --out: cannot write '{output}': {e.Message}");
            return CommandLine.BadInput;
        }

        foreach (var m in document.Missing)
            await stderr.WriteLineAsync($"missing: {m.Label} (section \"{m.Section}\"; input field '{m.InputField}')");
        var completeness = document.IsComplete ? "complete" : $"{document.Missing.Count} required field(s) missing";
        await stdout.WriteLineAsync($"Wrote {output}: {document.Title} ({document.Layout}, {document.StageLabel}), " +
            $"{rendered.PageCount} page(s), {completeness}, content SHA-256 {document.ContentHash}");
        return CommandLine.Ok;
    }

    private static bool TryReadArguments(string[] args, out string file, out string jurisdiction, out string output, out string problem)
    {
        file = jurisdiction = output = problem = "";
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jurisdiction" when i + 1 < args.Length: jurisdiction = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--jurisdiction" or "--out": problem = $"{args[i]} needs a value."; return false;
                case var a when a.StartsWith("--", StringComparison.Ordinal): problem = $"unknown option '{a}'."; return false;
                default: positional.Add(args[i]); break;
            }
        }
        if (positional.Count != 1) problem = "give exactly one input FILE.";
        else if (jurisdiction.Length == 0) problem = "--jurisdiction is required (an ISO 3166 code such as HK, IE or US-TX).";
        else if (output.Length == 0) problem = "--out is required (the PDF file to write).";
        else file = positional[0];
        return problem.Length == 0;
    }
}
