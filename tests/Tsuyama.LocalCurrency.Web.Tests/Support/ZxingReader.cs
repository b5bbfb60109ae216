using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using ZXing;
using ZXing.Common;

namespace Tsuyama.LocalCurrency.Web.Tests.Support;

/// <summary>An independent QR reader, fed by ImageSharp pixels, as a resident's phone would read.</summary>
public static class ZxingReader
{
    public static string? Read(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        var pixels = new byte[image.Width * image.Height * 4];
        image.CopyPixelDataTo(pixels);
        var source = new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        // Our images are a bare code on a quiet zone: read them as such first (ZXing's finder-pattern
        // search alone misses a few otherwise valid codes, which made this test fail now and then),
        // then as a camera would.
        foreach (var pure in new[] { true, false })
        {
            var reader = new BarcodeReaderGeneric
            {
                Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pure },
            };
            if (reader.Decode(source)?.Text is { } text)
            {
                return text;
            }
        }

        return null;
    }
}
