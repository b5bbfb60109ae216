using System.Text;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class Crc16CcittFalseTests
{
    [Fact]
    public void Compute_OfCheckString_Is29B1()
    {
        Crc16CcittFalse.Compute("123456789"u8).Should().Be(0x29B1);
        Crc16CcittFalse.Compute("123456789".AsSpan()).Should().Be(0x29B1);
    }

    [Fact]
    public void Compute_OfText_EqualsComputeOfItsUtf8Bytes()
    {
        const string text = "0104最佳运输0202北京 𠮷";
        Crc16CcittFalse.Compute(text.AsSpan()).Should().Be(Crc16CcittFalse.Compute(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Compute_OfEmptyInput_IsInitialValue()
    {
        Crc16CcittFalse.Compute(ReadOnlySpan<byte>.Empty).Should().Be(0xFFFF);
    }

    [Fact]
    public void Compute_WhenTextHasLoneSurrogate_Throws()
    {
        var act = () => Crc16CcittFalse.Compute("ab\uD800c".AsSpan());
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToHex_IsFourUpperCaseDigits()
    {
        Crc16CcittFalse.ToHex(0x0A3B).Should().Be("0A3B");
    }

    [Theory]
    [InlineData(QrTestPayloads.EmvcoSample, "A13A")]
    [InlineData(QrTestPayloads.JpqrOutOfOrder, "DEE9")]
    [InlineData(QrTestPayloads.PromptPay, "9B3B")]
    public void Compute_OverPublicVectorUpToCrcValue_MatchesPrintedCrc(string payload, string crc)
    {
        Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(payload.AsSpan(0, payload.Length - 4))).Should().Be(crc);
    }
}
