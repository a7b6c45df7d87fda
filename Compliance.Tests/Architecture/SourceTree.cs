namespace Compliance.Tests.Architecture;

/// <summary>The repository's source files, found from the test binary upwards (the tests run from a clone).</summary>
internal static class SourceTree
{
    public static DirectoryInfo Root { get; } = FindRoot();

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln"))) return dir;
        throw new DirectoryNotFoundException("Compliance.sln is not above " + AppContext.BaseDirectory);
    }

    /// <summary>C# and Razor files of every project, without build output and without generated migrations.</summary>
    public static IReadOnlyList<FileInfo> Files(params string[] projects) =>
        projects.SelectMany(p => new DirectoryInfo(Path.Combine(Root.FullName, p)).EnumerateFiles("*.*", SearchOption.AllDirectories))
            .Where(f => f.Extension is ".cs" or ".cshtml")
            .Where(f => !Segments(f).Any(s => s is "bin" or "obj" or "Migrations" or "LegacySchema"))
            .ToList();

    public static string Relative(FileInfo file) => Path.GetRelativePath(Root.FullName, file.FullName).Replace('\\', '/');

    private static IEnumerable<string> Segments(FileInfo file) => Relative(file).Split('/');

    public static readonly string[] Projects = ["Compliance.Domain", "Compliance.Jobs", "Compliance.Web", "Compliance.Bench", "Compliance.Tests"];
}
