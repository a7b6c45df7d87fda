using Compliance.Jobs.Hosting;
using Microsoft.Extensions.Configuration;

namespace Compliance.Jobs.Webhooks;

/// <summary>
/// <c>Webhooks:AllowLoopback</c> (false: only public HTTPS receivers; true lets plain HTTP to this machine through, for
/// tests), <c>Webhooks:TimeoutSeconds</c> (10) per POST, <c>Webhooks:SweepSeconds</c> (10) between looks for due
/// deliveries and duty deadlines, <c>Webhooks:DueSoonHours</c> (24) before a deadline that "due soon" is raised, and
/// <c>Webhooks:KeepDays</c> (90, at least 30) that a finished delivery is kept (<see cref="WebhookRetention"/>).
/// </summary>
public sealed record WebhookOptions(bool AllowLoopback, int TimeoutSeconds, int SweepSeconds, int DueSoonHours, int KeepDays = 90)
{
    public static readonly WebhookOptions Default = new(false, 10, 10, 24, 90);

    public static WebhookOptions Read(IConfiguration config) => new(
        Settings.Bool(config, "Webhooks:AllowLoopback", Default.AllowLoopback),
        Settings.Int(config, "Webhooks:TimeoutSeconds", Default.TimeoutSeconds, 1, 60),
        Settings.Int(config, "Webhooks:SweepSeconds", Default.SweepSeconds, 1, 3600),
        Settings.Int(config, "Webhooks:DueSoonHours", Default.DueSoonHours, 1, 24 * 14),
        Settings.Int(config, "Webhooks:KeepDays", Default.KeepDays, 30, 3650));
}
