using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Tsuyama.LocalCurrency.Qr;
using ZXing;
using ZXing.Common;

namespace Tsuyama.LocalCurrency.Tests.Qr;

/// <summary>Reads our images back with an independent decoder (ZXing), as a resident's phone would.</summary>
public sealed class QrImageRendererTests
{
    public static TheoryData<string> Payloads() => new()
    {
        MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant),
        MerchantQrBuilder.BuildPaymentRequest(QrTestPayloads.Merchant, 1200, QrTestPayloads.RequestId),
        // Fixed, not Generate(): a random theory row is a new test case on every discovery, which
        // Stryker's initial run (discovery, then run) cannot match up.
        "1234567890123456789" + PaymentCodeFormat.LuhnCheckDigit("1234567890123456789"),
        QrTestPayloads.EmvcoSample,
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void RenderPng_IsReadBackByZxingWithoutHints_ByteIdentical(string payload)
    {
        var png = QrImageRenderer.RenderPng(payload);

        var text = DecodeWithZxing(png, characterSet: null);

        Encoding.UTF8.GetBytes(text).Should().Equal(Encoding.UTF8.GetBytes(payload));
    }

    [Fact]
    public void RenderPng_WithUtf8Hint_ReturnsJapaneseExactly()
    {
        var payload = MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant);

        DecodeWithZxing(QrImageRenderer.RenderPng(payload), "UTF-8").Should().Be(payload).And.Contain("津山商店 本町店");
    }

    [Fact]
    public void RenderPng_IsAPngWithQuietZone()
    {
        var png = QrImageRenderer.RenderPng(PaymentCodeFormat.Generate(), pixelsPerModule: 4);

        png.AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        using var image = Image.Load<Rgba32>(png);
        // Four light modules of 4 px all round: the first 16 pixel rows and columns are white.
        for (var i = 0; i < 16; i++)
        {
            image[i, i].R.Should().Be(255);
            image[image.Width - 1 - i, image.Height - 1 - i].R.Should().Be(255);
        }
    }

    [Fact]
    public void RenderSvg_IsInlineableSvg()
    {
        var svg = QrImageRenderer.RenderSvg(MerchantQrBuilder.BuildStoreCode(QrTestPayloads.Merchant));

        svg.Should().StartWith("<svg").And.Contain("viewBox").And.NotContain("<?xml");
        svg.TrimEnd().Should().EndWith("</svg>");
    }

    private static string DecodeWithZxing(byte[] png, string? characterSet)
    {
        using var image = Image.Load<Rgba32>(png);
        var pixels = new byte[image.Width * image.Height * 4];
        image.CopyPixelDataTo(pixels);
        var source = new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions
            {
                PossibleFormats = [BarcodeFormat.QR_CODE],
                TryHarder = true,
                CharacterSet = characterSet,
            },
        };
        var result = reader.Decode(source);
        result.Should().NotBeNull("ZXing must find the QR code in the PNG");
        return result!.Text;
    }
}
