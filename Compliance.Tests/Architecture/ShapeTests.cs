using System.Reflection;
using Compliance.Domain.Persistence;
using Compliance.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Tests.Architecture;

/// <summary>
/// One feature, one folder: pages and endpoints ask their feature's handlers and queries, never the database; the
/// production binary carries no benchmark; files stay small enough to read in one sitting.
/// </summary>
public sealed class ShapeTests
{
    private static readonly Assembly Web = typeof(Compliance.Web.Hosting.AppHost).Assembly;

    [Fact]
    public void No_page_model_is_built_with_the_database()
    {
        var offenders = Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ComplianceDbContext)))
                || Fields(t).Any(f => f.FieldType == typeof(ComplianceDbContext)))
            .Select(t => t.FullName).Order().ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_endpoint_takes_the_database()
    {
        var offenders = Web.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Compliance.Web.Features", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Endpoints", StringComparison.Ordinal) || t.Name.EndsWith("Endpoint", StringComparison.Ordinal)))
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(ComplianceDbContext)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Order().ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_view_injects_the_database()
    {
        var offenders = SourceTree.Files("Compliance.Web").Where(f => f.Extension == ".cshtml")
            .Where(f => File.ReadAllText(f.FullName).Contains("ComplianceDbContext", StringComparison.Ordinal))
            .Select(SourceTree.Relative).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task The_production_binary_carries_no_benchmark()
    {
        var benches = Web.GetTypes().Where(t => t.Name.Contains("Bench", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.Empty(benches);
        Assert.Equal(2, await Compliance.Web.Commands.CommandLine.RunAsync(["bench", "assess"], FixedClock.At("2026-01-01T00:00:00Z"), TextReader.Null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void No_source_file_outside_migrations_is_over_250_lines_and_the_median_is_under_80()
    {
        var lengths = SourceTree.Files(SourceTree.Projects).Select(f => (File: SourceTree.Relative(f), Lines: File.ReadLines(f.FullName).Count())).ToList();
        Assert.True(lengths.Count > 400, $"only {lengths.Count} files found under {SourceTree.Root.FullName}");
        Assert.Empty(lengths.Where(l => l.Lines > 250).Select(l => $"{l.File}: {l.Lines} lines"));
        var sorted = lengths.Select(l => l.Lines).Order().ToList();
        Assert.InRange(sorted[sorted.Count / 2], 1, 79);
    }

    [Fact]
    public void Every_web_file_lives_in_a_feature_folder_or_the_named_plumbing()
    {
        string[] plumbing = ["Features", "Api", "Commands", "Hosting", "Health", "Security", "Assets"];
        var stray = SourceTree.Files("Compliance.Web").Select(SourceTree.Relative)
            .Where(p => p.Split('/') is var s && s.Length > 2 && !plumbing.Contains(s[1]))
            .ToList();
        Assert.Empty(stray);
    }

    private static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var t = type; t is not null && t != typeof(PageModel); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                yield return f;
    }
}
