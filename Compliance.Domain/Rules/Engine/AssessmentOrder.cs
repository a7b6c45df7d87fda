using Compliance.Domain.Rules.Assessment;

namespace Compliance.Domain.Rules.Engine;

/// <summary>
/// Sorts soonest deadline first (none last), then by jurisdiction, recipient and rule id, ordinally, through integer
/// keys: the jurisdiction packed into a number (a code is at most six ASCII characters) and each rule id's rank in
/// the catalogue, so a few hundred duties are not sorted by comparing strings thousands of times. Exact ties keep
/// the order they were found in.
/// </summary>
internal static class AssessmentOrder
{
    public static void Sort(List<AssessedObligation> results)
    {
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(results);
        var pooled = System.Buffers.ArrayPool<SortKey>.Shared.Rent(items.Length);
        try
        {
            var keys = pooled.AsSpan(0, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                var o = items[i];
                keys[i] = new SortKey(o.Deadline is { } d ? d.ToUnixTimeTicks() : long.MaxValue, Pack(o.Jurisdiction), (int)o.Recipient, o.Rule!.IdRank, i);
            }
            keys.Sort(items);
        }
        finally
        {
            System.Buffers.ArrayPool<SortKey>.Shared.Return(pooled);
        }
    }

    /// <summary>Up to eight ASCII characters, big-endian, zero-padded: comparing the numbers compares the strings ordinally.</summary>
    private static ulong Pack(string code)
    {
        System.Diagnostics.Debug.Assert(code.Length <= 8 && System.Text.Ascii.IsValid(code), $"'{code}' is not a jurisdiction code");
        ulong packed = 0;
        for (var i = 0; i < 8; i++) packed = (packed << 8) | (i < code.Length ? code[i] : 0u);
        return packed;
    }

    private readonly record struct SortKey(long Deadline, ulong Jurisdiction, int Recipient, int Rule, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var c = Deadline.CompareTo(other.Deadline);
            if (c != 0) return c;
            c = Jurisdiction.CompareTo(other.Jurisdiction);
            if (c != 0) return c;
            c = Recipient.CompareTo(other.Recipient);
            if (c != 0) return c;
            c = Rule.CompareTo(other.Rule);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
