using Tsuyama.LocalCurrency.Payouts.Zengin;
using static Tsuyama.LocalCurrency.Tests.Payouts.Zengin.ZenginTestData;

namespace Tsuyama.LocalCurrency.Tests.Payouts.Zengin;

public class ZenginFileWriterFileTests
{
    [Fact]
    public void Write_EveryRecordIs120BytesFollowedByCrLf_IncludingTheLast()
    {
        var file = ZenginFileWriter.Write(Batch(Shop, Bakery));

        file.Should().HaveCount(5 * 122);
        for (var start = 0; start < file.Length; start += 122)
        {
            file[start..(start + 120)].Should().NotContain((byte)'\r').And.NotContain((byte)'\n');
            file[(start + 120)..(start + 122)].Should().Equal((byte)'\r', (byte)'\n');
        }
    }

    [Fact]
    public void Write_TrailerRecord_PutsCountAtOffset1AndTotalAtOffset7()
    {
        var trailer = Records(ZenginFileWriter.Write(Batch(Shop, Bakery)))[3];

        Field(trailer, 0, 1).Should().Be("8");
        Field(trailer, 1, 6).Should().Be("000002", "the count is of data records only");
        Field(trailer, 7, 12).Should().Be("000000099981", "98 765 + 1 216");
        Field(trailer, 19, 101).Should().Be(new string(' ', 101));
    }

    [Fact]
    public void Write_TrailerRecord_HoldsLargestTotals()
    {
        var payees = Enumerable.Repeat(Shop with { Amount = 9_999_999_999 }, 99).ToArray();

        var trailer = Records(ZenginFileWriter.Write(Batch(payees)))[^2];

        Field(trailer, 1, 6).Should().Be("000099");
        Field(trailer, 7, 12).Should().Be("989999999901");
    }

    [Fact]
    public void Write_EndRecord_IsNineFollowedBy119Spaces()
    {
        var end = Records(ZenginFileWriter.Write(Batch()))[^1];

        Field(end, 0, 1).Should().Be("9");
        Field(end, 1, 119).Should().Be(new string(' ', 119));
    }

    [Fact]
    public void Write_ToStream_WritesTheSameBytes()
    {
        using var stream = new MemoryStream();

        ZenginFileWriter.Write(Batch(), stream);

        stream.ToArray().Should().Equal(ZenginFileWriter.Write(Batch()));
    }

    [Fact]
    public void Write_InvalidBatch_ThrowsWithEveryProblemAndWritesNothing()
    {
        using var stream = new MemoryStream();
        var batch = Batch(Shop with { Amount = 0 }, Bakery with { HolderKana = "鈴木" });

        var act = () => ZenginFileWriter.Write(batch, stream);

        var error = act.Should().Throw<ZenginValidationException>().Which;
        error.Errors.Should().HaveCount(2);
        error.Message.Should().Contain("payee 1: amount").And.Contain("payee 2: holder name").And.Contain("'鈴'");
        stream.Length.Should().Be(0);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        ZenginFileWriter.Write(Batch()).Should().Equal(ZenginFileWriter.Write(Batch()));
    }
}
