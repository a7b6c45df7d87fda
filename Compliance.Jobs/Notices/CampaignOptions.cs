using Compliance.Jobs.Hosting;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Notices;

/// <summary>
/// How fast campaigns may send: <c>Notices:MessagesPerSecond</c> (50) and <c>Notices:MessagesPerDay</c> (0, no limit),
/// the latter counted over the last 24 hours for the whole organisation, as mail providers count it.
/// Connections come from <c>Mail:Smtp:Connections</c>.
/// </summary>
public sealed record CampaignOptions(int MessagesPerSecond, int MessagesPerDay)
{
    public static readonly CampaignOptions Default = new(50, 0);

    /// <summary>No limit at all (the benchmark).</summary>
    public static readonly CampaignOptions Unlimited = new(0, 0);

    /// <summary>Messages handed to the transport at once: a second's worth, within bounds that keep memory flat.</summary>
    public int ChunkSize => MessagesPerSecond is > 0 and < 1000 ? MessagesPerSecond : 1000;

    public static CampaignOptions Read(IConfiguration config) => new(
        Settings.Int(config, "Notices:MessagesPerSecond", Default.MessagesPerSecond, 1, 100_000),
        Settings.Int(config, "Notices:MessagesPerDay", Default.MessagesPerDay, 0, 100_000_000));
}
