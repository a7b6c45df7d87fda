namespace Compliance.Domain.Workspace;

public enum OutcomeStatus { Ok, NotFound, Forbidden, Invalid, Conflict }

/// <summary>What a workspace command did: its value, or why not, with field-level messages for bad input.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, NoErrors);
    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default, NoErrors);
    public static Outcome<T> Forbidden() => new(OutcomeStatus.Forbidden, default, NoErrors);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, default, errors);
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    /// <summary>This refusal (not found, forbidden, invalid...) as the outcome of a command with another result type.</summary>
    public Outcome<TOther> Refusal<TOther>() => IsOk ? throw new InvalidOperationException("An Ok outcome is not a refusal.") : new(Status, default, Errors);

    public static Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, default, new Dictionary<string, string[]> { ["$"] = [message] });
}
