namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>A parsed header record (1). Text fields have their padding removed; codes keep leading zeros.</summary>
public sealed record ZenginHeaderRecord(
    string TypeCode,
    char CodeType,
    string ClientCode,
    string ClientName,
    string TransferDateMmdd,
    string BankNumber,
    string BankName,
    string BranchNumber,
    string BranchName,
    ZenginAccountType AccountType,
    string AccountNumber);

/// <summary>A parsed data record (2). Absent customer codes and clearing house number are empty strings.</summary>
public sealed record ZenginDataRecord(
    string BankNumber,
    string BankName,
    string BranchNumber,
    string BranchName,
    string ClearingHouseNumber,
    ZenginAccountType AccountType,
    string AccountNumber,
    string PayeeName,
    long Amount,
    char NewAccountCode,
    string CustomerCode1,
    string CustomerCode2,
    char TransferMethod,
    char EdiFlag);

/// <summary>A parsed trailer record (8).</summary>
public sealed record ZenginTrailerRecord(int RecordCount, long TotalAmount);

/// <summary>A whole parsed 総合振込 file.</summary>
public sealed record ZenginFile(ZenginHeaderRecord Header, IReadOnlyList<ZenginDataRecord> Records, ZenginTrailerRecord Trailer);

/// <summary>A file that does not follow the Zengin layout; the message names the record and byte offset.</summary>
public sealed class ZenginFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ZenginFormatException(string message)
        : base(message)
    {
    }
}
