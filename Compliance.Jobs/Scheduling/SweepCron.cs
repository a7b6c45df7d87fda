namespace Compliance.Jobs.Scheduling;

/// <summary>
/// A sweep interval in seconds as a Hangfire cron expression. Cron counts within the minute and the hour, so an
/// interval that does not divide them is rounded down to one that does (45 s becomes 30 s, 90 s becomes 1 min):
/// sweeping a little more often is harmless, the work being idempotent by our own rows.
/// </summary>
public static class SweepCron
{
    public static string Every(int seconds)
    {
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A sweep needs at least one second between runs.");
        if (seconds < 60) return $"*/{Divisor(60, seconds)} * * * * *";              // six fields: seconds first
        if (seconds < 3600) return $"0 */{Divisor(60, seconds / 60)} * * * *";
        if (seconds >= 24 * 3600) return "0 0 0 * * *";                                // daily, at midnight UTC ("*/24" is no hour)
        return $"0 0 */{Divisor(24, Math.Min(24, seconds / 3600))} * * *";
    }

    // The largest divisor of the cycle not above the wish, so every run is the same distance from the next.
    private static int Divisor(int cycle, int wish) => Enumerable.Range(1, wish).Last(d => cycle % d == 0);
}
