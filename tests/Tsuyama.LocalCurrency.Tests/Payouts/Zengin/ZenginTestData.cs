using System.Text;
using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

/// <summary>A sample batch and byte-level helpers that do not depend on the production reader.</summary>
internal static class ZenginTestData
{
    public static Encoding ShiftJis { get; } = CreateEncoding();

    public static ZenginIssuer Issuer { get; } = new(
        ClientCode: "1234567890",
        ClientNameKana: "ツヤマシ",
        BankNumber: "0168",
        BankNameKana: "チュウゴクギンコウ",
        BranchNumber: "101",
        BranchNameKana: "ツヤマ",
        AccountType: ZenginAccountType.Ordinary,
        AccountNumber: "1234567");

    public static ZenginPayee Shop { get; } = new(
        BankNumber: "0168",
        BankNameKana: "チュウゴクギンコウ",
        BranchNumber: "102",
        BranchNameKana: "ツヤマエキマエ",
        AccountType: ZenginAccountType.Ordinary,
        AccountNumber: "0012345",
        HolderKana: "カブシキガイシャ ヤマダショウテン",
        Amount: 98_765);

    public static ZenginPayee Bakery { get; } = new(
        BankNumber: "0009",
        BankNameKana: "ミツイスミトモ",
        BranchNumber: "300",
        BranchNameKana: "オカヤマ",
        AccountType: ZenginAccountType.Current,
        AccountNumber: "7654321",
        HolderKana: "ｽｽﾞｷ ﾊﾅｺ",
        Amount: 1_216);

    public static DateOnly TransferDate { get; } = new(2026, 3, 5);

    public static ZenginTransferBatch Batch(params ZenginPayee[] payees) =>
        new(Issuer, TransferDate, payees.Length == 0 ? [Shop, Bakery] : payees);

    /// <summary>Splits a written file into records, asserting 120 bytes + CRLF each.</summary>
    public static IReadOnlyList<byte[]> Records(byte[] file)
    {
        (file.Length % 122).Should().Be(0, "every record is 120 bytes followed by CRLF");
        var records = new List<byte[]>();
        for (var start = 0; start < file.Length; start += 122)
        {
            file[start + 120].Should().Be((byte)'\r');
            file[start + 121].Should().Be((byte)'\n');
            records.Add(file[start..(start + 120)]);
        }

        return records;
    }

    /// <summary>Decodes the bytes [offset, offset + width) of a record.</summary>
    public static string Field(byte[] record, int offset, int width) => ShiftJis.GetString(record, offset, width);

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }
}
