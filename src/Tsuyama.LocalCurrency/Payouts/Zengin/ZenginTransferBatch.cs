namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>The party sending the transfers (振込依頼人): the issuer and its paying account.</summary>
/// <param name="ClientCode">委託者コード assigned by the bank, 10 digits.</param>
/// <param name="ClientNameKana">委託者名 in kana or Latin letters; converted by <see cref="BankKana"/>, max 40 bytes.</param>
/// <param name="BankNumber">仕向銀行番号, 4 digits.</param>
/// <param name="BankNameKana">Bank name in kana; max 15 bytes.</param>
/// <param name="BranchNumber">仕向支店番号, 3 digits.</param>
/// <param name="BranchNameKana">Branch name in kana; max 15 bytes.</param>
/// <param name="AccountType">Type of the paying account.</param>
/// <param name="AccountNumber">Paying account number, 7 digits.</param>
public sealed record ZenginIssuer(
    string ClientCode,
    string ClientNameKana,
    string BankNumber,
    string BankNameKana,
    string BranchNumber,
    string BranchNameKana,
    ZenginAccountType AccountType,
    string AccountNumber);

/// <summary>One transfer to one payee (受取人).</summary>
/// <param name="BankNumber">被仕向銀行番号, 4 digits.</param>
/// <param name="BankNameKana">Bank name in kana; max 15 bytes; may be blank (written as spaces).</param>
/// <param name="BranchNumber">被仕向支店番号, 3 digits.</param>
/// <param name="BranchNameKana">Branch name in kana; max 15 bytes; may be blank (written as spaces).</param>
/// <param name="AccountType">1, 2, 4 or 9.</param>
/// <param name="AccountNumber">7 digits (left-pad shorter numbers with zeros before passing them).</param>
/// <param name="HolderKana">Account holder name in kana; converted by <see cref="BankKana"/>, max 30 bytes.</param>
/// <param name="Amount">Yen, 1 to 9 999 999 999.</param>
public sealed record ZenginPayee(
    string BankNumber,
    string BankNameKana,
    string BranchNumber,
    string BranchNameKana,
    ZenginAccountType AccountType,
    string AccountNumber,
    string HolderKana,
    long Amount);

/// <summary>Everything one 総合振込 file contains.</summary>
/// <param name="Issuer">The paying party.</param>
/// <param name="TransferDate">振込指定日; only month and day are written (MMDD).</param>
/// <param name="Payees">One data record each, written in this order.</param>
public sealed record ZenginTransferBatch(ZenginIssuer Issuer, DateOnly TransferDate, IReadOnlyList<ZenginPayee> Payees);
