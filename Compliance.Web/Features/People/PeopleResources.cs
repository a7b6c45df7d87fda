using Compliance.Domain.People;

namespace Compliance.Web.Features.People;

// What the People API answers. Phone and postal address are shown only for people who must be reached some other way
// than email, as the page's worklist shows them; extra columns kept from the file are never listed.

/// <summary>One affected person: where they live, their language, their safety flags and whether email will reach them.</summary>
public sealed record PersonResource(Guid Id, int Line, string Name, string? Email, string Jurisdiction, string Language, bool DoNotEmail,
    string? DelegateTo, string? Redactions, bool NeedsManualContact, string? ManualContactReason, string? Phone, string? PostalAddress, int Version)
{
    public static PersonResource From(PeopleRegister.Person p) =>
        new(p.Id, p.Line, p.Details.Name, p.Details.Email, p.Jurisdiction, p.Language, p.DoNotEmail, p.DelegateTo, p.Redactions,
            p.NeedsManualContact, p.ManualContactReason, p.NeedsManualContact ? p.Details.Phone : null, p.NeedsManualContact ? p.Details.PostalAddress : null, p.Version);
}

/// <summary>The upload's form: the CSV file (UTF-8, a header row naming the columns) in a part named "file".</summary>
public sealed record PeopleUploadForm(IFormFile File);

/// <summary>Safety flags to change; a field left out keeps its value, null or "" clears a text.</summary>
public sealed record PersonFlagsBody(bool? DoNotEmail, string? DelegateTo, string? Redactions);

/// <summary>Which column of the file holds what (header names); name and jurisdiction are required to import.</summary>
public sealed record UploadColumns(string? Name, string? Jurisdiction, string? Email, string? Language, string? Phone, string? Address, IReadOnlyList<string> Extra)
{
    public static UploadColumns From(IReadOnlyDictionary<string, string> chosen, ColumnMap? map)
    {
        string? Column(string field) => chosen.GetValueOrDefault(field) is { Length: > 0 } c ? c : null;
        return new(Column("Name"), Column("Jurisdiction"), Column("Email"), Column("Language"), Column("Phone"), Column("Address"), map?.Extra ?? []);
    }
}

/// <summary>The columns to import with; left out, the columns guessed from the header (those of the check report) are used.</summary>
public sealed record ImportBody(UploadColumns? Columns);

/// <summary>One problem of the file: its line (null for the whole file), the field or column, and what is wrong.</summary>
public sealed record ImportProblemResource(long? Line, string Field, string Message);

/// <summary>
/// The check of an uploaded list, nothing imported: its columns, the columns used for the check, how many rows and
/// how many clean people per jurisdiction, every problem by line and field (bad emails, unknown jurisdictions or
/// languages, an email twice in the file or already imported), and how many rows are such duplicates. canImport says
/// whether the import would succeed.
/// </summary>
public sealed record UploadReport(Guid Id, IReadOnlyList<string> Headers, UploadColumns Columns, int Rows, IReadOnlyDictionary<string, int> PerJurisdiction,
    IReadOnlyList<ImportProblemResource> Problems, bool TooManyProblems, int Duplicates, bool CanImport)
{
    public static UploadReport From(Guid id, UploadedPeopleFile file, UploadColumns columns, ImportReport? report) => report is null
        ? new(id, file.Headers, columns, 0, new Dictionary<string, int>(), [Unmapped(columns)], false, 0, false)
        : new(id, file.Headers, columns, report.Rows, report.PerJurisdiction,
            report.Problems.Select(p => new ImportProblemResource(p.Line > 0 ? p.Line : null, p.Field, p.Message)).ToList(), report.TooManyProblems, report.Duplicates, report.CanImport);

    private static ImportProblemResource Unmapped(UploadColumns columns) =>
        new(null, columns.Name is null ? "name" : "jurisdiction",
            $"no column of the file was recognised as the {(columns.Name is null ? "name" : "jurisdiction")}; name it in columns to check or import (POST .../check or .../import).");
}

/// <summary>What an import stored: how many people, per jurisdiction.</summary>
public sealed record ImportResult(int Imported, IReadOnlyDictionary<string, int> PerJurisdiction);
