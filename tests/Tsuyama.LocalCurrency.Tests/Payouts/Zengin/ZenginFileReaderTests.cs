using System.Text;
using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class ZenginFileReaderTests
{
    [Fact]
    public void Parse_WrittenFile_RoundTripsEveryField()
    {
        var file = ZenginFileReader.Parse(ZenginFileWriter.Write(Batch(Shop, Bakery)));

        file.Header.Should().Be(new ZenginHeaderRecord(
            "21", '0', "1234567890", "ﾂﾔﾏｼ", "0305", "0168", "ﾁﾕｳｺﾞｸｷﾞﾝｺｳ", "101", "ﾂﾔﾏ", ZenginAccountType.Ordinary, "1234567"));
        file.Records.Should().Equal(
            new ZenginDataRecord("0168", "ﾁﾕｳｺﾞｸｷﾞﾝｺｳ", "102", "ﾂﾔﾏｴｷﾏｴ", "", ZenginAccountType.Ordinary, "0012345",
                "ｶ)ﾔﾏﾀﾞｼﾖｳﾃﾝ", 98_765, '0', "", "", '7', ' '),
            new ZenginDataRecord("0009", "ﾐﾂｲｽﾐﾄﾓ", "300", "ｵｶﾔﾏ", "", ZenginAccountType.Current, "7654321",
                "ｽｽﾞｷ ﾊﾅｺ", 1_216, '0', "", "", '7', ' '));
        file.Trailer.Should().Be(new ZenginTrailerRecord(2, 99_981));
    }

    [Fact]
    public void Parse_RecordsWithoutSeparators_AreAccepted()
    {
        var unseparated = Records(ZenginFileWriter.Write(Batch())).SelectMany(r => r).ToArray();

        ZenginFileReader.Parse(unseparated).Records.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_RecordOneByteShort_IsRejected()
    {
        var file = ZenginFileWriter.Write(Batch()).ToList();
        file.RemoveAt(50); // inside the header: every following record shifts

        var act = () => ZenginFileReader.Parse(file.ToArray());

        act.Should().Throw<ZenginFormatException>();
    }

    [Fact]
    public void Parse_MissingFinalCrLf_IsRejected()
    {
        var file = ZenginFileWriter.Write(Batch());

        var act = () => ZenginFileReader.Parse(file[..^2]);

        act.Should().Throw<ZenginFormatException>().WithMessage("*CRLF*");
    }

    [Fact]
    public void Parse_TrailerCountDisagreeingWithDataRecords_IsRejected()
    {
        var file = ZenginFileWriter.Write(Batch());
        var trailerStart = 3 * 122;
        Encoding.ASCII.GetBytes("000003").CopyTo(file, trailerStart + 1);

        var act = () => ZenginFileReader.Parse(file);

        act.Should().Throw<ZenginFormatException>().WithMessage("*record count is 3*2 data record*");
    }

    [Fact]
    public void Parse_TrailerTotalDisagreeingWithAmounts_IsRejected()
    {
        var file = ZenginFileWriter.Write(Batch());
        Encoding.ASCII.GetBytes("000000099982").CopyTo(file, (3 * 122) + 7);

        var act = () => ZenginFileReader.Parse(file);

        act.Should().Throw<ZenginFormatException>().WithMessage("*99982*99981*");
    }

    [Fact]
    public void Parse_NonDigitAmount_NamesRecordAndBytes()
    {
        var file = ZenginFileWriter.Write(Batch());
        file[122 + 85] = (byte)'X';

        var act = () => ZenginFileReader.Parse(file);

        act.Should().Throw<ZenginFormatException>().WithMessage("Record 2 (type '2'), bytes 80-89: amount*");
    }

    [Fact]
    public void Parse_RecordsOutOfOrder_AreRejected()
    {
        var records = Records(ZenginFileWriter.Write(Batch()));
        var swapped = new[] { records[1], records[0], records[2], records[3], records[4] }
            .SelectMany(r => r.Concat("\r\n"u8.ToArray())).ToArray();

        var act = () => ZenginFileReader.Parse(swapped);

        act.Should().Throw<ZenginFormatException>().WithMessage("Record 1 has type '2'*");
    }

    [Fact]
    public void Parse_FullWidthCharacterInName_IsRejected()
    {
        var file = ZenginFileWriter.Write(Batch());
        ShiftJis.GetBytes("ア").CopyTo(file, 122 + 50); // two bytes of full-width katakana

        var act = () => ZenginFileReader.Parse(file);

        act.Should().Throw<ZenginFormatException>().WithMessage("*bytes 50-79*");
    }
}
