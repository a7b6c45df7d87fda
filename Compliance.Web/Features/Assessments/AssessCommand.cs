using Compliance.Domain.Rules.Assessment;
using Compliance.Domain.Rules.Engine;

namespace Compliance.Web.Features.Assessments;

/// <summary>
/// <c>assess FILE</c> or <c>assess -</c> (stdin): the same JSON in and out as POST /api/v1/assessments.
/// Bad input: exit code 2 and one line per wrong field on stderr; nothing on stdout.
/// </summary>
public static class AssessCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1)
        {
            await stderr.WriteLineAsync("usage: assess FILE   (or 'assess -' to read the JSON from standard input)");
            return CommandLine.BadInput;
        }
        string json;
        try
        {
            json = args[0] == "-" ? await stdin.ReadToEndAsync() : await File.ReadAllTextAsync(args[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot read '{args[0]}': {e.Message}");
            return CommandLine.BadInput;
        }

        var parsed = AssessmentRequestParser.Parse(json);
        if (!parsed.IsValid)
        {
            foreach (var (field, messages) in parsed.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
                foreach (var message in messages)
                    await stderr.WriteLineAsync($"error: {field}: {message}");
            return CommandLine.BadInput;
        }
        await stdout.WriteLineAsync(AssessmentResponseWriter.ToJson(RulesEngine.Default.Assess(parsed.Facts!)));
        return CommandLine.Ok;
    }
}
