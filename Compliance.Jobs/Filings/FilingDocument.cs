using NodaTime;

namespace Compliance.Jobs.Filings;

/// <summary>
/// The content of one filing, ready to render: what it says, in order, and what is still missing.
/// Its hash covers the canonical text of this content, so the same filing has the same hash whatever renders it.
/// </summary>
public sealed class FilingDocument
{
    public required string Layout { get; init; }
    public required string Language { get; init; }
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string StageLabel { get; init; }
    public required string Author { get; init; }
    public required Instant FiledAt { get; init; }
    public required DateTimeZone Zone { get; init; }
    public required IReadOnlyList<FilingBlock> Blocks { get; init; }
    public required IReadOnlyList<MissingField> Missing { get; init; }

    /// <summary>"Content SHA-256: {0}" and "Page {0} of {1}" in the filing's language.</summary>
    public required string HashFooter { get; init; }
    public required string PageFooter { get; init; }

    /// <summary>The canonical text of this content, derived from it (so no producer can ship a hash that does not match).</summary>
    public string CanonicalText => canonicalText ??= FilingCanonicalText.Build(Layout, Language, Title, Subtitle, StageLabel, Blocks);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 <see cref="CanonicalText"/>.</summary>
    public string ContentHash => contentHash ??= FilingCanonicalText.Hash(CanonicalText);

    private string? canonicalText, contentHash;

    public bool IsComplete => Missing.Count == 0;
}

/// <summary>A required field with no value: its section, its label, and the input field that would fill it.</summary>
public sealed record MissingField(string Section, string Label, string InputField);

/// <summary>One part of a filing, in reading order.</summary>
public abstract record FilingBlock;

/// <summary>A section heading.</summary>
public sealed record HeadingBlock(string Text) : FilingBlock;

/// <summary>A labelled value; <see cref="Wide"/> puts a long narrative under its label instead of beside it.</summary>
public sealed record FieldBlock(string Label, string Value, bool Missing, bool Wide) : FilingBlock;

/// <summary>One content item the authority asks for, and which fields of the filing answer it (or that they are missing).</summary>
public sealed record ChecklistBlock(string Item, string Status, bool Missing) : FilingBlock;

/// <summary>A sentence of its own, such as the incompleteness warning; <see cref="Warning"/> draws it in red.</summary>
public sealed record NoteBlock(string Text, bool Warning) : FilingBlock;
