using D = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginLayout.Data;
using H = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginLayout.Header;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>Writes a 総合振込 (bulk transfer) file: header, one data record per payee, trailer, end.</summary>
/// <remarks>
/// Every record is 120 bytes of Shift_JIS followed by CRLF, the last one included: banks that want
/// separators expect one after every record, and a file of whole 122-byte lines is unambiguous to
/// check. Names are converted by <see cref="BankKana"/> (legal forms abbreviated in client and holder
/// names, as banks register corporate accounts) and cut to their field without splitting ﾞ/ﾟ.
/// </remarks>
public static class ZenginFileWriter
{
    /// <summary>種別コード for 総合振込.</summary>
    public const string TypeCode = "21";

    /// <summary>コード区分 0: JIS (Shift_JIS half-width).</summary>
    public const char CodeType = '0';

    /// <summary>新規コード 0: neither a new payee nor changed details (we do not track either).</summary>
    public const char NewAccountCode = '0';

    /// <summary>振込指定区分 7: telegraphic (電信) transfer.</summary>
    public const char TransferMethod = '7';

    /// <summary>
    /// 識別表示 (EDI flag) space: the customer code fields carry customer codes, not EDI information
    /// ('Y' would tell the bank to pass them on as EDI data, which we do not produce).
    /// </summary>
    public const char EdiFlag = ' ';

    /// <summary>Record separator written after every record.</summary>
    public static ReadOnlySpan<byte> RecordSeparator => "\r\n"u8;

    /// <summary>The file's bytes; throws <see cref="ZenginValidationException"/> listing every problem first.</summary>
    public static byte[] Write(ZenginTransferBatch batch)
    {
        using var buffer = new MemoryStream();
        Write(batch, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the file to <paramref name="destination"/>; nothing is written if the batch is invalid.</summary>
    public static void Write(ZenginTransferBatch batch, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ZenginValidator.ThrowIfInvalid(batch);

        var records = new List<byte[]>(batch.Payees.Count + 3) { Header(batch.Issuer, batch.TransferDate) };
        var total = 0L;
        foreach (var payee in batch.Payees)
        {
            records.Add(Data(payee));
            total = checked(total + payee.Amount);
        }

        records.Add(new ZenginRecordBuilder(ZenginLayout.TrailerType)
            .Number(ZenginLayout.Trailer.RecordCount, batch.Payees.Count)
            .Number(ZenginLayout.Trailer.TotalAmount, total)
            .ToArray());
        records.Add(new ZenginRecordBuilder(ZenginLayout.EndType).ToArray());

        foreach (var record in records)
        {
            destination.Write(record);
            destination.Write(RecordSeparator);
        }
    }

    private static byte[] Header(ZenginIssuer issuer, DateOnly transferDate)
    {
        return new ZenginRecordBuilder(ZenginLayout.HeaderType)
            .Digits(H.TypeCode, TypeCode)
            .Digits(H.CodeType, CodeType.ToString())
            .Digits(H.ClientCode, issuer.ClientCode)
            .Text(H.ClientName, Name(issuer.ClientNameKana, H.ClientName, abbreviate: true))
            .Number(H.TransferDate, (transferDate.Month * 100) + transferDate.Day)
            .Digits(H.BankNumber, issuer.BankNumber)
            .Text(H.BankName, Name(issuer.BankNameKana, H.BankName, abbreviate: false))
            .Digits(H.BranchNumber, issuer.BranchNumber)
            .Text(H.BranchName, Name(issuer.BranchNameKana, H.BranchName, abbreviate: false))
            .Number(H.AccountType, (int)issuer.AccountType)
            .Digits(H.AccountNumber, issuer.AccountNumber)
            .ToArray();
    }

    private static byte[] Data(ZenginPayee payee)
    {
        var record = new ZenginRecordBuilder(ZenginLayout.DataType)
            .Digits(D.BankNumber, payee.BankNumber)
            .Text(D.BankName, Name(payee.BankNameKana, D.BankName, abbreviate: false))
            .Digits(D.BranchNumber, payee.BranchNumber)
            .Text(D.BranchName, Name(payee.BranchNameKana, D.BranchName, abbreviate: false))
            // 手形交換所番号 only matters for document transfers; left as spaces.
            .Number(D.AccountType, (int)payee.AccountType)
            .Digits(D.AccountNumber, payee.AccountNumber)
            .Text(D.PayeeName, Name(payee.HolderKana, D.PayeeName, abbreviate: true))
            .Number(D.Amount, payee.Amount)
            .Digits(D.NewAccountCode, NewAccountCode.ToString())
            // 顧客コード1 and 2 are not written (no caller had a use for them); they stay spaces.
            .Digits(D.TransferMethod, TransferMethod.ToString())
            .Text(D.EdiFlag, EdiFlag.ToString());
        return record.ToArray();
    }

    private static string Name(string text, ZenginField field, bool abbreviate) =>
        BankKana.ConvertAndTruncate(text, field.Width, abbreviate).TrimEnd(' ');
}
