namespace Compliance.Domain.People;

/// <summary>Which column of the file holds what (header names). Name and jurisdiction are required; people with no email go to the manual-contact worklist.</summary>
public sealed record ColumnMap(string Name, string Jurisdiction, string? Email = null, string? Language = null, string? Phone = null,
    string? PostalAddress = null, IReadOnlyList<string>? Extra = null)
{
    public IEnumerable<(string Field, string Column)> Columns()
    {
        yield return ("name", Name);
        yield return ("jurisdiction", Jurisdiction);
        if (Email is not null) yield return ("email", Email);
        if (Language is not null) yield return ("language", Language);
        if (Phone is not null) yield return ("phone", Phone);
        if (PostalAddress is not null) yield return ("postalAddress", PostalAddress);
        foreach (var extra in Extra ?? []) yield return ("extra", extra);
    }
}

public sealed record ImportProblem(long Line, string Field, string Message);

/// <summary>What a file holds, checked row by row before anything is stored.</summary>
public sealed record ImportReport(int Rows, IReadOnlyList<ImportProblem> Problems, IReadOnlyDictionary<string, int> PerJurisdiction, bool TooManyProblems)
{
    public bool CanImport => Rows > 0 && Problems.Count == 0;

    /// <summary>Rows whose email appears earlier in the file or was already imported for the incident (each is also a problem).</summary>
    public int Duplicates { get; init; }
}
