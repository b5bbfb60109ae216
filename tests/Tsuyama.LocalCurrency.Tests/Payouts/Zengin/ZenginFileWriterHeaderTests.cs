using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class ZenginFileWriterHeaderTests
{
    // Offsets and widths restated from docs/reference/zengin-layout.md, not taken from production code.
    public static TheoryData<string, int, int, string> HeaderFields => new()
    {
        { "record type", 0, 1, "1" },
        { "type code", 1, 2, "21" },
        { "code type", 3, 1, "0" },
        { "client code", 4, 10, "1234567890" },
        { "client name", 14, 40, "ﾂﾔﾏｼ".PadRight(40) },
        { "transfer date", 54, 4, "0305" },
        { "bank number", 58, 4, "0168" },
        { "bank name", 62, 15, "ﾁﾕｳｺﾞｸｷﾞﾝｺｳ".PadRight(15) },
        { "branch number", 77, 3, "101" },
        { "branch name", 80, 15, "ﾂﾔﾏ".PadRight(15) },
        { "account type", 95, 1, "1" },
        { "account number", 96, 7, "1234567" },
        { "filler", 103, 17, new string(' ', 17) },
    };

    [Theory]
    [MemberData(nameof(HeaderFields))]
    public void Write_HeaderRecord_PutsFieldAtItsOffset(string field, int offset, int width, string expected)
    {
        var header = Records(ZenginFileWriter.Write(Batch()))[0];

        Field(header, offset, width).Should().Be(expected, $"{field} is {width} bytes at offset {offset}");
    }

    [Fact]
    public void HeaderFields_CoverAll120BytesWithoutGaps()
    {
        var next = 0;
        foreach (var row in HeaderFields)
        {
            ((int)row[1]).Should().Be(next, $"{row[0]} starts where the previous field ends");
            next += (int)row[2];
        }

        next.Should().Be(120);
    }

    [Fact]
    public void Write_HeaderRecord_WritesTransferDateAsMonthAndDay()
    {
        var batch = Batch() with { TransferDate = new DateOnly(2026, 12, 31) };

        var header = Records(ZenginFileWriter.Write(batch))[0];

        Field(header, 54, 4).Should().Be("1231");
    }

    [Fact]
    public void Write_HeaderRecord_AbbreviatesLegalFormInClientName()
    {
        var batch = Batch() with { Issuer = Issuer with { ClientNameKana = "ツヤマショウコウカイギショ" } };
        var corporate = Batch() with { Issuer = Issuer with { ClientNameKana = "株式会社ツヤマ" } };

        Field(Records(ZenginFileWriter.Write(batch))[0], 14, 40).TrimEnd().Should().Be("ﾂﾔﾏｼﾖｳｺｳｶｲｷﾞｼﾖ");
        Field(Records(ZenginFileWriter.Write(corporate))[0], 14, 40).TrimEnd().Should().Be("ｶ)ﾂﾔﾏ");
    }

    [Fact]
    public void Write_HeaderRecord_TruncatesLongClientNameTo40Bytes()
    {
        var batch = Batch() with { Issuer = Issuer with { ClientNameKana = new string('ア', 45) } };

        var header = Records(ZenginFileWriter.Write(batch))[0];

        header.Should().HaveCount(120);
        Field(header, 14, 40).Should().Be(new string('ｱ', 40));
        Field(header, 54, 4).Should().Be("0305", "a long name must not shift the following fields");
    }
}
