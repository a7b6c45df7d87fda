namespace Compliance.Domain.Rules.Catalogue;

/// <summary>The fields a notice template may read (templates/notices): the ones a catalogue rule may require or forbid.</summary>
public static class NoticeFieldNames
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "nature", "contact", "consequences", "measures", "period", "categories", "advice", "noticeDate", "count", "organisation", "name",
    };
}
