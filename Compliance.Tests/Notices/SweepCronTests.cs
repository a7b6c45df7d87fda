using Compliance.Jobs.Scheduling;

namespace Compliance.Tests.Notices;

// The sweep interval becomes a cron expression; Hangfire reads six fields as "seconds first".
public sealed class SweepCronTests
{
    [Theory]
    [InlineData(1, "*/1 * * * * *")]
    [InlineData(30, "*/30 * * * * *")]
    [InlineData(45, "*/30 * * * * *")]     // 45 does not divide a minute: every 30 s, never less often than asked
    [InlineData(60, "0 */1 * * * *")]
    [InlineData(90, "0 */1 * * * *")]
    [InlineData(600, "0 */10 * * * *")]
    [InlineData(3600, "0 0 */1 * * *")]
    [InlineData(5 * 3600, "0 0 */4 * * *")]
    [InlineData(24 * 3600, "0 0 0 * * *")]
    [InlineData(7 * 24 * 3600, "0 0 0 * * *")]  // at most daily
    public void Every_interval_becomes_a_cron_no_slower_than_asked(int seconds, string cron) =>
        Assert.Equal(cron, SweepCron.Every(seconds));   // Hangfire refuses "*/24" hours: HealthAndDemoTests count the jobs registered

}
