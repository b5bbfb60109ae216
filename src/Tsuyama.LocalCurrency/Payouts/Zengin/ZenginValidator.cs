using System.Globalization;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>Checks a <see cref="ZenginTransferBatch"/> against the file layout before anything is written.</summary>
public static class ZenginValidator
{
    /// <summary>The largest amount the 10-digit amount field holds.</summary>
    public const long MaxAmount = 9_999_999_999;

    /// <summary>The largest total the 12-digit trailer field holds.</summary>
    public const long MaxTotal = 999_999_999_999;

    /// <summary>The most data records the 6-digit trailer count holds.</summary>
    public const int MaxPayees = 999_999;

    /// <summary>Every problem in <paramref name="batch"/>; empty when it can be written.</summary>
    public static IReadOnlyList<string> Validate(ZenginTransferBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var errors = new List<string>();
        ValidateIssuer(batch.Issuer, errors);
        ValidatePayees(batch.Payees, errors);
        return errors;
    }

    /// <summary>Throws <see cref="ZenginValidationException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfInvalid(ZenginTransferBatch batch)
    {
        var errors = Validate(batch);
        if (errors.Count > 0)
        {
            throw new ZenginValidationException(errors);
        }
    }

    private static void ValidateIssuer(ZenginIssuer? issuer, List<string> errors)
    {
        if (issuer is null)
        {
            errors.Add("issuer is missing");
            return;
        }

        const string who = "issuer";
        Digits(who, "client code", issuer.ClientCode, 10, errors);
        Name(who, "client name", issuer.ClientNameKana, abbreviate: true, errors);
        Digits(who, "bank number", issuer.BankNumber, 4, errors);
        Name(who, "bank name", issuer.BankNameKana, abbreviate: false, errors);
        Digits(who, "branch number", issuer.BranchNumber, 3, errors);
        Name(who, "branch name", issuer.BranchNameKana, abbreviate: false, errors);
        AccountType(who, issuer.AccountType, errors);
        Digits(who, "account number", issuer.AccountNumber, 7, errors);
    }

    private static void ValidatePayees(IReadOnlyList<ZenginPayee>? payees, List<string> errors)
    {
        if (payees is null || payees.Count == 0)
        {
            errors.Add("there are no payees: a transfer file needs at least one data record");
            return;
        }

        if (payees.Count > MaxPayees)
        {
            errors.Add(Invariant($"there are {payees.Count} payees; the trailer record count holds at most {MaxPayees}"));
        }

        Int128 total = 0; // wide enough that even invalid amounts cannot overflow the sum
        for (var i = 0; i < payees.Count; i++)
        {
            var payee = payees[i];
            if (payee is null)
            {
                errors.Add(Invariant($"payee {i + 1} is missing"));
                continue;
            }

            var who = Describe(i);
            Digits(who, "bank number", payee.BankNumber, 4, errors);
            OptionalName(who, "bank name", payee.BankNameKana, errors);
            Digits(who, "branch number", payee.BranchNumber, 3, errors);
            OptionalName(who, "branch name", payee.BranchNameKana, errors);
            AccountType(who, payee.AccountType, errors);
            Digits(who, "account number", payee.AccountNumber, 7, errors);
            Name(who, "holder name", payee.HolderKana, abbreviate: true, errors);
            if (payee.Amount is < 1 or > MaxAmount)
            {
                errors.Add(Invariant($"{who}: amount must be between 1 and {MaxAmount:N0} yen, got {payee.Amount:N0}"));
            }

            total += payee.Amount;
        }

        if (total > MaxTotal)
        {
            errors.Add(Invariant($"the total amount {total:N0} yen exceeds {MaxTotal:N0}, the most the 12-digit trailer total holds"));
        }
    }

    private static string Describe(int index) => Invariant($"payee {index + 1}");

    private static void Digits(string who, string field, string? value, int length, List<string> errors)
    {
        if (value is null || value.Length != length || !value.All(char.IsAsciiDigit))
        {
            errors.Add(Invariant($"{who}: {field} must be exactly {length} digits (0-9), got \"{value}\""));
        }
    }

    private static void Name(string who, string field, string? value, bool abbreviate, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{who}: {field} is empty");
        }
        else if (!BankKana.TryConvert(value, out var converted, out var error, abbreviate))
        {
            errors.Add($"{who}: {field}: {error}");
        }
        else if (string.IsNullOrWhiteSpace(converted))
        {
            errors.Add($"{who}: {field} \"{value}\" is empty once converted to bank kana");
        }
    }

    /// <summary>
    /// Payee bank and branch names may be blank: banks route by the numbers and accept spaces in
    /// the name fields, and we store only the codes a merchant registered.
    /// </summary>
    private static void OptionalName(string who, string field, string? value, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{who}: {field} is missing (use an empty string for a blank name)");
        }
        else if (!string.IsNullOrWhiteSpace(value) && !BankKana.TryConvert(value, out _, out var error))
        {
            errors.Add($"{who}: {field}: {error}");
        }
    }

    private static void AccountType(string who, ZenginAccountType type, List<string> errors)
    {
        if (!Enum.IsDefined(type))
        {
            errors.Add(Invariant($"{who}: account type must be 1 (ordinary), 2 (current), 4 (savings) or 9 (other), got {(int)type}"));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
