using System.Collections.Frozen;
using System.Text.Json;
using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Rules.Catalogue;

/// <summary>
/// The rule catalogue: every regime from the JSON files embedded beside this class, validated once (by the
/// compilers beside it). A catalogue with an unknown zone, calendar, category or a dangling reference does not load at all.
/// </summary>
public sealed class RuleCatalogue
{
    private static readonly Lazy<RuleCatalogue> Embedded = new(() => Parse(EmbeddedCatalogueFiles.Read()));

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private RuleCatalogue(IReadOnlyList<Regime> regimes)
    {
        Regimes = regimes;
        for (var i = 0; i < regimes.Count; i++)
        {
            regimes[i].Ordinal = i;
            foreach (var duty in regimes[i].Versions.SelectMany(v => v.Duties)) duty.Regime = regimes[i];
        }
        var duties = regimes.SelectMany(r => r.Versions).SelectMany(v => v.Duties).ToList();
        var ids = duties.Select(d => d.Id).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank, StringComparer.Ordinal);
        foreach (var duty in duties) duty.IdRank = ids[duty.Id];
        RegimesByDuty = duties.GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => d.Regime).Distinct().OrderBy(r => r.Ordinal).ToArray(), StringComparer.Ordinal);
        ByTerritory = regimes
            .SelectMany(r => r.Territory.Select(code => (code, r)))
            .GroupBy(x => x.code, x => x.r)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<Regime> Regimes { get; }

    /// <summary>Regimes by the codes their territory lists; a subdivision not listed falls back to its country.</summary>
    public FrozenDictionary<string, Regime[]> ByTerritory { get; }

    public static RuleCatalogue Default => Embedded.Value;

    /// <summary>The regimes (in catalogue order) with a duty of this id in any version: how a stored duty finds its law.</summary>
    public IReadOnlyList<Regime> RegimesWithDuty(string dutyId) => RegimesByDuty.GetValueOrDefault(dutyId) ?? [];

    private FrozenDictionary<string, Regime[]> RegimesByDuty { get; }

    public Regime[] RegimesFor(JurisdictionCode code) =>
        ByTerritory.GetValueOrDefault(code.Value)
        ?? (code.IsSubdivision ? ByTerritory.GetValueOrDefault(code.Country) : null)
        ?? [];

    public static RuleCatalogue Parse(IEnumerable<(string Name, string Json)> files)
    {
        var regimes = new List<Regime>();
        foreach (var (name, json) in files)
        {
            CatalogueFile file;
            try
            {
                file = JsonSerializer.Deserialize<CatalogueFile>(json, Json) ?? throw new CatalogueException($"{name} is empty.");
            }
            catch (JsonException e)
            {
                throw new CatalogueException($"{name}: {e.Message}");
            }
            regimes.AddRange(file.Regimes.Select((r, n) => RegimeCompiler.Compile(r, $"{name}: regimes[{n}] ({r.Id})")));
        }
        var duplicate = regimes.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CatalogueException($"Regime id '{duplicate.Key}' is used twice.");
        var duplicateDuty = regimes.SelectMany(r => r.Versions.SelectMany(v => v.Duties.Select(d => (d.Id, v.Version))))
            .GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
        if (duplicateDuty is not null)
            throw new CatalogueException($"Rule id '{duplicateDuty.Key.Id}' version '{duplicateDuty.Key.Version}' is used twice.");
        return new RuleCatalogue(regimes);
    }
}
