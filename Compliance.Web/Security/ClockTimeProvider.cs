using NodaTime;

namespace Compliance.Web.Security;

/// <summary>Lets framework code that asks a TimeProvider (Identity lockout, cookie expiry) see our injected clock.</summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
