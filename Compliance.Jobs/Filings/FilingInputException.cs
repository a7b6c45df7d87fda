namespace Compliance.Jobs.Filings;

/// <summary>A filing cannot be made from this input; <see cref="Field"/> names the input at fault ("--jurisdiction", "language").</summary>
public sealed class FilingInputException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Problem { get; } = message;
}
