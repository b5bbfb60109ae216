namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>
/// 適格請求書発行事業者登録番号: "T" and 13 digits. For a corporation (a city included) the digits are
/// its 法人番号, whose first digit is a check digit over the other twelve (国税庁「法人番号の指定」):
/// check = 9 − (Σ Pn × Qn mod 9), Pn the n-th of the twelve digits counted from the right,
/// Qn = 1 for odd n and 2 for even n.
/// </summary>
public static class RegistrationNumber
{
    public const int Digits = 13;

    /// <summary>The check digit of the twelve digits after it.</summary>
    public static int CheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        if (twelveDigits.Length != Digits - 1 || twelveDigits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The base of a corporate number is 12 ASCII digits.", nameof(twelveDigits));
        }

        var sum = 0;
        for (var n = 1; n <= twelveDigits.Length; n++)
        {
            var digit = twelveDigits[^n] - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }

        return 9 - (sum % 9);
    }

    /// <summary>Null when <paramref name="value"/> is a well-formed number with the right check digit, else why not.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty; it must be T followed by 13 digits";
        }

        if (value.Length != Digits + 1 || value[0] != 'T' || value.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return $"'{value}' must be T followed by 13 digits (half-width, no spaces or hyphens)";
        }

        var expected = CheckDigit(value.AsSpan(2));
        return value[1] - '0' == expected
            ? null
            : $"'{value}' has check digit {value[1]}, but the corporate-number check digit of {value[2..]} is {expected}";
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>"T1234567890123" as printed on invoices: T1-2345-6789-0123.</summary>
    public static string Display(string value) =>
        value.Length == Digits + 1 ? $"{value[..2]}-{value[2..6]}-{value[6..10]}-{value[10..]}" : value;
}
