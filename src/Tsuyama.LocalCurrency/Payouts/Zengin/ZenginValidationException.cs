namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>A transfer batch that cannot be written; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ZenginValidationException : Exception
{
    /// <summary>Creates the exception from the validator's problem list.</summary>
    public ZenginValidationException(IReadOnlyList<string> errors)
        : base($"The Zengin transfer batch is invalid ({errors.Count} problem(s)):{Environment.NewLine} - "
               + string.Join(Environment.NewLine + " - ", errors))
    {
        Errors = errors;
    }

    /// <summary>One message per problem, each naming the issuer or the payee (1-based, with customer code) it concerns.</summary>
    public IReadOnlyList<string> Errors { get; }
}
