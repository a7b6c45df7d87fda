namespace Compliance.Jobs.Scheduling;

/// <summary>The lease expired and another run took it: this run must not act any more.</summary>
public sealed class LeaseLostException(string name) : Exception($"The lease '{name}' was lost to another run.");
