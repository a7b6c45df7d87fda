using Compliance.Domain.Vocabulary;

namespace Compliance.Domain.Organisations;

/// <summary>An NGO using the tracker. Its establishments, zone and attributes gate which laws apply.</summary>
public sealed class Organisation
{
    private Organisation() { Name = ""; TimeZone = ""; }

    public Organisation(Guid id, string name, string timeZone, IEnumerable<JurisdictionCode> establishments, IEnumerable<string> attributes)
    {
        Id = id;
        Name = name;
        TimeZone = timeZone;
        Establishments = establishments.Select(e => e.Value).Distinct().ToList();
        Attributes = attributes.Distinct().ToList();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>IANA id of the zone the organisation works in (display and conservative day counting).</summary>
    public string TimeZone { get; private set; }

    /// <summary>Jurisdiction codes where the organisation is established (GDPR one-stop shop, PIPEDA...).</summary>
    public List<string> Establishments { get; private set; } = [];

    /// <summary>Facts that gate a law, e.g. <c>commercial-activity</c>, <c>au-turnover-over-3m</c>.</summary>
    public List<string> Attributes { get; private set; } = [];
}
