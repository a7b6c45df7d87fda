using System.Reflection;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>The catalogue's JSON files, embedded in this assembly beside <see cref="RuleCatalogue"/>, in name order.</summary>
internal static class EmbeddedCatalogueFiles
{
    public static List<(string Name, string Json)> Read()
    {
        var assembly = typeof(RuleCatalogue).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Rules.Catalogue.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
