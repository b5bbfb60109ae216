using System.Globalization;
using D = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginLayout.Data;
using H = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginLayout.Header;
using T = Tsuyama.LocalCurrency.Payouts.Zengin.ZenginLayout.Trailer;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>
/// Parses a 総合振込 file back into records, strictly: every record exactly 120 bytes, records in the
/// order header, data…, trailer, end, numeric fields all digits, fillers blank, and the trailer's
/// count and total equal to the data records. Used by tests and by verification of written files.
/// </summary>
public static class ZenginFileReader
{
    /// <summary>
    /// Parses <paramref name="file"/>. Records may be separated by CRLF (after every record, as
    /// <see cref="ZenginFileWriter"/> writes) or not separated at all, as some banks accept.
    /// </summary>
    public static ZenginFile Parse(ReadOnlySpan<byte> file)
    {
        var records = SplitRecords(file);
        if (records.Count < 3)
        {
            throw new ZenginFormatException($"A Zengin file has at least a header, a trailer and an end record; found {records.Count} record(s).");
        }

        ExpectType(records, 0, ZenginLayout.HeaderType);
        ExpectType(records, records.Count - 2, ZenginLayout.TrailerType);
        ExpectType(records, records.Count - 1, ZenginLayout.EndType);

        var header = ParseHeader(new Record(records[0], 1));
        var data = new List<ZenginDataRecord>(records.Count - 3);
        for (var i = 1; i < records.Count - 2; i++)
        {
            ExpectType(records, i, ZenginLayout.DataType);
            data.Add(ParseData(new Record(records[i], i + 1)));
        }

        var trailerRecord = new Record(records[^2], records.Count - 1);
        var trailer = new ZenginTrailerRecord(
            (int)trailerRecord.Number(T.RecordCount, "record count"),
            trailerRecord.Number(T.TotalAmount, "total amount"));
        trailerRecord.Blank(T.Filler, "filler");
        new Record(records[^1], records.Count).Blank(ZenginLayout.End.Filler, "filler");

        if (trailer.RecordCount != data.Count)
        {
            throw new ZenginFormatException($"Trailer record count is {trailer.RecordCount} but the file has {data.Count} data record(s).");
        }

        var total = data.Sum(r => r.Amount); // each amount ≤ 10 digits, so no overflow for ≤ 999 999 records
        if (trailer.TotalAmount != total)
        {
            throw new ZenginFormatException($"Trailer total is {trailer.TotalAmount} but the data records add up to {total}.");
        }

        return new ZenginFile(header, data, trailer);
    }

    private static List<byte[]> SplitRecords(ReadOnlySpan<byte> file)
    {
        const int length = ZenginLayout.RecordLength;
        var separated = file.Length > length && file[length] is (byte)'\r' or (byte)'\n';
        var stride = separated ? length + 2 : length;
        if (file.Length % stride != 0)
        {
            throw new ZenginFormatException(separated
                ? $"File length {file.Length} is not a whole number of 120-byte records each followed by CRLF."
                : $"File length {file.Length} is not a whole number of 120-byte records.");
        }

        var records = new List<byte[]>(file.Length / stride);
        for (var start = 0; start < file.Length; start += stride)
        {
            var number = records.Count + 1;
            if (separated && !file.Slice(start + length, 2).SequenceEqual("\r\n"u8))
            {
                throw new ZenginFormatException($"Record {number} is not 120 bytes followed by CRLF.");
            }

            var record = file.Slice(start, length);
            if (record.IndexOfAny((byte)'\r', (byte)'\n') is var at and >= 0)
            {
                throw new ZenginFormatException($"Record {number} has a line break at byte {at}: records must be exactly 120 bytes.");
            }

            records.Add(record.ToArray());
        }

        return records;
    }

    private static void ExpectType(List<byte[]> records, int index, byte expected)
    {
        if (records[index][0] != expected)
        {
            throw new ZenginFormatException(
                $"Record {index + 1} has type '{(char)records[index][0]}' where '{(char)expected}' belongs (order: 1, 2..., 8, 9).");
        }
    }

    private static ZenginHeaderRecord ParseHeader(Record r)
    {
        var header = new ZenginHeaderRecord(
            r.Digits(H.TypeCode, "type code"),
            r.Digits(H.CodeType, "code type")[0],
            r.Digits(H.ClientCode, "client code"),
            r.Text(H.ClientName),
            r.Digits(H.TransferDate, "transfer date"),
            r.Digits(H.BankNumber, "bank number"),
            r.Text(H.BankName),
            r.Digits(H.BranchNumber, "branch number"),
            r.Text(H.BranchName),
            r.AccountType(H.AccountType),
            r.Digits(H.AccountNumber, "account number"));
        r.Blank(H.Filler, "filler");
        return header;
    }

    private static ZenginDataRecord ParseData(Record r)
    {
        var data = new ZenginDataRecord(
            r.Digits(D.BankNumber, "bank number"),
            r.Text(D.BankName),
            r.Digits(D.BranchNumber, "branch number"),
            r.Text(D.BranchName),
            r.OptionalDigits(D.ClearingHouseNumber, "clearing house number"),
            r.AccountType(D.AccountType),
            r.Digits(D.AccountNumber, "account number"),
            r.Text(D.PayeeName),
            r.Number(D.Amount, "amount"),
            r.Text(D.NewAccountCode).FirstOrDefault(' '),
            r.OptionalDigits(D.CustomerCode1, "customer code 1"),
            r.OptionalDigits(D.CustomerCode2, "customer code 2"),
            r.Digits(D.TransferMethod, "transfer method")[0],
            r.Raw(D.EdiFlag)[0]);
        r.Blank(D.Filler, "filler");
        return data;
    }

    /// <summary>One record with its 1-based position, for error messages.</summary>
    private readonly record struct Record(byte[] Bytes, int Position)
    {
        public string Raw(ZenginField f)
        {
            try
            {
                return ZenginEncoding.ShiftJis.GetString(Bytes, f.Offset, f.Width);
            }
            catch (System.Text.DecoderFallbackException e)
            {
                throw Error(f, $"bytes are not valid Shift_JIS ({e.Message})");
            }
        }

        public string Text(ZenginField f)
        {
            var s = Raw(f).TrimEnd(' ');
            return BankKana.IsBankKana(s) ? s : throw Error(f, $"\"{s}\" contains characters outside the Zengin character set");
        }

        public string Digits(ZenginField f, string name)
        {
            var s = Raw(f);
            return s.All(char.IsAsciiDigit) ? s : throw Error(f, $"{name} \"{s}\" is not all digits");
        }

        public string OptionalDigits(ZenginField f, string name) =>
            Raw(f).Trim(' ').Length == 0 ? string.Empty : Digits(f, name);

        public long Number(ZenginField f, string name) => long.Parse(Digits(f, name), CultureInfo.InvariantCulture);

        public ZenginAccountType AccountType(ZenginField f)
        {
            var type = (ZenginAccountType)Number(f, "account type");
            return Enum.IsDefined(type) ? type : throw Error(f, $"account type {(int)type} is not 1, 2, 4 or 9");
        }

        public void Blank(ZenginField f, string name)
        {
            if (Raw(f).Trim(' ').Length != 0)
            {
                throw Error(f, $"{name} is not blank");
            }
        }

        private ZenginFormatException Error(ZenginField f, string problem) =>
            new($"Record {Position} (type '{(char)Bytes[0]}'), bytes {f.Offset}-{f.End - 1}: {problem}.");
    }
}
