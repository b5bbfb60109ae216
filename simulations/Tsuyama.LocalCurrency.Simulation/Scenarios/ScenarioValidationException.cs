namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>A scenario file that cannot be simulated; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException(IReadOnlyList<string> errors)
        : base("The scenario is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public ScenarioValidationException()
        : this(["unknown problem"])
    {
    }

    public ScenarioValidationException(string message)
        : this([message])
    {
    }

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
