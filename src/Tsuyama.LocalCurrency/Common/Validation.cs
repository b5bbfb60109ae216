namespace Tsuyama.LocalCurrency.Common;

public interface IValidator<in T>
{
    void Validate(T request, ValidationErrors errors);
}

/// <summary>Collects every field problem of a request so a client sees them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Require(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    public ValidationErrors NotBlank(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required");
        }

        return Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters");
    }

    public ValidationErrors Digits(string? value, string field, int minLength, int maxLength) =>
        Require(value is not null && value.Length >= minLength && value.Length <= maxLength && value.All(char.IsAsciiDigit),
            field, minLength == maxLength ? $"must be {minLength} digits" : $"must be {minLength}–{maxLength} digits");

    /// <summary>
    /// A day the ledger can hold: 2000-01-01 to 2099-12-31 (JST). No day of this ledger lies outside,
    /// and beyond them the day arithmetic (JST boundaries, periods) would overflow into a 500.
    /// </summary>
    public ValidationErrors LedgerDay(DateOnly? day, string field) =>
        Require(day is null || (day >= FirstLedgerDay && day <= LastLedgerDay), field, "must be a day from 2000-01-01 to 2099-12-31 (yyyy-MM-dd, JST)");

    /// <summary>A month of <see cref="LedgerDay"/>s.</summary>
    public ValidationErrors LedgerMonth(int year, int month, string field) =>
        Require(month is >= 1 and <= 12 && year >= FirstLedgerDay.Year && year <= LastLedgerDay.Year, field,
            $"must be a month as yyyy-MM from {FirstLedgerDay:yyyy-MM} to {LastLedgerDay:yyyy-MM}");

    public static readonly DateOnly FirstLedgerDay = new(2000, 1, 1);
    public static readonly DateOnly LastLedgerDay = new(2099, 12, 31);

    /// <summary>The amount limit of every payment, refund, transfer and request: 1 to <see cref="LedgerOptions.MaxAmount"/> points.</summary>
    public ValidationErrors Amount(long value, LedgerOptions ledger) => Positive(value, "amount", ledger.MaxAmount);

    public ValidationErrors Positive(long value, string field, long max) =>
        Require(value > 0 && value <= max, field, $"must be a whole number from 1 to {max}");

    public Error ToError() => Error.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
