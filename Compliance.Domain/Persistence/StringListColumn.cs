using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Domain.Persistence;

/// <summary>A list of texts stored as one delimited column (<see cref="DelimitedListConverter{T}"/>).</summary>
internal static class StringListColumn
{
    public static PropertyBuilder<List<string>> AsDelimitedText(this PropertyBuilder<List<string>> p) =>
        p.HasConversion(new DelimitedListConverter<string>(s => s, s => s), new ListComparer<string>());
}
