using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Payouts;

/// <summary>
/// The one rule for a shop's payout account: applied when a shop is registered or its account is
/// corrected (so a bad name is refused while someone can still fix it) and again when a settlement
/// runs (a shop whose account cannot be written to the bank file is held back, not redeemed).
/// </summary>
public static class PayoutRules
{
    /// <summary>受取人名 in a Zengin data record is 30 bytes; every bank kana character is one byte.</summary>
    public const int HolderMaxLength = 30;

    /// <summary>
    /// The holder name as the bank file writes it: half-width katakana, A–Z, 0–9 and <c>( ) - . / , \</c>, legal forms
    /// abbreviated (株式会社ﾔﾏﾀﾞ → ｶ)ﾔﾏﾀﾞ); or the reason it cannot be written.
    /// </summary>
    public static bool TryNormaliseHolder(string? holder, out string normalised, out string problem)
    {
        normalised = "";
        problem = "";
        if (string.IsNullOrWhiteSpace(holder))
        {
            problem = "is required";
            return false;
        }

        if (!BankKana.TryConvert(holder.Trim(), out var converted, out var error, abbreviateLegalForms: true))
        {
            problem = $"must be the account holder's name in kana (full- or half-width), A–Z, 0–9, space or ( ) - . / , \\ as the bank registered it: {error}";
            return false;
        }

        converted = converted.Trim();
        if (converted.Length == 0 || converted.Length > HolderMaxLength)
        {
            problem = $"is {converted.Length} characters in half-width bank kana (\"{converted}\"); the bank file holds 1 to {HolderMaxLength}";
            return false;
        }

        normalised = converted;
        return true;
    }

    /// <summary>Field name → problem for every part of the account that cannot be written; empty when it can.</summary>
    public static IReadOnlyDictionary<string, string> Problems(
        string? bankCode,
        string? branchCode,
        BankAccountType accountType,
        string? accountNumber,
        string? holder)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsDigits(bankCode, 4))
        {
            problems["bankCode"] = "must be 4 digits";
        }

        if (!IsDigits(branchCode, 3))
        {
            problems["branchCode"] = "must be 3 digits";
        }

        if (!Enum.IsDefined(accountType))
        {
            problems["accountType"] = "must be 1 (ordinary), 2 (current), 4 (savings) or 9 (other)";
        }

        if (!IsDigits(accountNumber, 7))
        {
            problems["accountNumber"] = "must be 7 digits";
        }

        if (!TryNormaliseHolder(holder, out _, out var holderProblem))
        {
            problems["holderKana"] = holderProblem;
        }

        return problems;
    }

    /// <summary>Why a registered account cannot be paid, as one sentence for the settlement's held-back list; null when it can.</summary>
    public static string? Reason(PayoutAccount account)
    {
        var problems = Problems(account.BankCode, account.BranchCode, account.AccountType, account.AccountNumber, account.HolderKana);
        return problems.Count == 0 ? null : string.Join("; ", problems.Select(p => $"payout.{p.Key} {p.Value}"));
    }

    private static bool IsDigits(string? value, int length) => value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}
