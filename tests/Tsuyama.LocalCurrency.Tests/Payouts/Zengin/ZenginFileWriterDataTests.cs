using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class ZenginFileWriterDataTests
{
    // Offsets and widths restated from docs/reference/zengin-layout.md; values for the Shop payee.
    public static TheoryData<string, int, int, string> DataFields => new()
    {
        { "record type", 0, 1, "2" },
        { "bank number", 1, 4, "0168" },
        { "bank name", 5, 15, "ﾁﾕｳｺﾞｸｷﾞﾝｺｳ".PadRight(15) },
        { "branch number", 20, 3, "102" },
        { "branch name", 23, 15, "ﾂﾔﾏｴｷﾏｴ".PadRight(15) },
        { "clearing house number", 38, 4, "    " },
        { "account type", 42, 1, "1" },
        { "account number", 43, 7, "0012345" },
        { "payee name", 50, 30, "ｶ)ﾔﾏﾀﾞｼﾖｳﾃﾝ".PadRight(30) },
        { "amount", 80, 10, "0000098765" },
        { "new-account code", 90, 1, "0" },
        { "customer code 1", 91, 10, new string(' ', 10) },
        { "customer code 2", 101, 10, new string(' ', 10) },
        { "transfer method", 111, 1, "7" },
        { "EDI flag", 112, 1, " " },
        { "filler", 113, 7, new string(' ', 7) },
    };

    [Theory]
    [MemberData(nameof(DataFields))]
    public void Write_DataRecord_PutsFieldAtItsOffset(string field, int offset, int width, string expected)
    {
        var data = Records(ZenginFileWriter.Write(Batch(Shop)))[1];

        Field(data, offset, width).Should().Be(expected, $"{field} is {width} bytes at offset {offset}");
    }

    [Fact]
    public void DataFields_CoverAll120BytesWithoutGaps()
    {
        var next = 0;
        foreach (var row in DataFields)
        {
            ((int)row[1]).Should().Be(next, $"{row[0]} starts where the previous field ends");
            next += (int)row[2];
        }

        next.Should().Be(120);
    }

    [Fact]
    public void Write_DataRecord_PutsAmountAtOffset80()
    {
        var data = Records(ZenginFileWriter.Write(Batch(Shop with { Amount = 9_999_999_999 })))[1];

        Field(data, 80, 10).Should().Be("9999999999");
    }

    [Fact]
    public void Write_OneDataRecordPerPayee_InInputOrder()
    {
        var records = Records(ZenginFileWriter.Write(Batch(Shop, Bakery)));

        records.Should().HaveCount(5);
        records.Select(r => (char)r[0]).Should().Equal('1', '2', '2', '8', '9');
        Field(records[2], 1, 4).Should().Be("0009");
        Field(records[2], 42, 1).Should().Be("2");
        Field(records[2], 50, 30).TrimEnd().Should().Be("ｽｽﾞｷ ﾊﾅｺ");
        Field(records[2], 80, 10).Should().Be("0000001216");
    }

    [Fact]
    public void Write_DataRecord_WithBlankBankAndBranchNames_WritesSpacesThatParseBack()
    {
        var file = ZenginFileWriter.Write(Batch(Shop with { BankNameKana = "", BranchNameKana = "" }));

        var data = Records(file)[1];
        Field(data, 5, 15).Should().Be(new string(' ', 15));
        Field(data, 20, 3).Should().Be("102");
        Field(data, 23, 15).Should().Be(new string(' ', 15));
        var parsed = ZenginFileReader.Parse(file).Records.Should().ContainSingle().Subject;
        parsed.BankName.Should().BeEmpty();
        parsed.BranchName.Should().BeEmpty();
        parsed.BankNumber.Should().Be("0168");
    }

    [Fact]
    public void Write_DataRecord_WritesHalfWidthKanaAsSingleBytes()
    {
        var data = Records(ZenginFileWriter.Write(Batch(Shop with { HolderKana = "アガ" })))[1];

        data[50].Should().Be(0xB1, "ｱ is 0xB1 in JIS X 0201");
        data[51].Should().Be(0xB6, "ｶ");
        data[52].Should().Be(0xDE, "ﾞ is its own byte");
        data[53].Should().Be((byte)' ');
    }

    [Fact]
    public void Write_DataRecord_TruncatingHolderName_DropsKanaWhoseVoicedMarkWouldBeCut()
    {
        // 29 × ｱ + ｶﾞ = 31 bytes: keeping ｶ at byte 30 would separate it from its ﾞ.
        var data = Records(ZenginFileWriter.Write(Batch(Shop with { HolderKana = new string('ア', 29) + "ガ" })))[1];

        Field(data, 50, 30).Should().Be(new string('ｱ', 29) + " ");
        Field(data, 80, 10).Should().Be("0000098765", "the amount stays at offset 80");
    }
}
