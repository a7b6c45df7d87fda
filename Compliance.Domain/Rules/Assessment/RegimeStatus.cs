namespace Compliance.Domain.Rules.Assessment;

/// <summary>
/// Is there a duty at all? The first question counsel asks, answered per regime (law reference §0A.1):
/// in force with a fixed clock, in force with no fixed clock ("immediately", "promptly"), in force with a
/// clock nobody has verified, enacted but not yet operative, or no statutory duty for a private NGO.
/// </summary>
public enum RegimeStatus { InForceFixedClock, InForceNoFixedClock, InForceClockUnverified, NotYetOperative, NoStatutoryDuty }
