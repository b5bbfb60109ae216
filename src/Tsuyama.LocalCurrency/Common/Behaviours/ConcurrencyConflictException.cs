namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Thrown when a conditional update finds the row changed by a concurrent transaction after it was
/// read; the transaction behaviour retries the whole request.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
