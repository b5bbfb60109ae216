using QRCoder;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Draws payloads as QR images with QRCoder, error correction M, with the 4-module quiet zone.
/// Text is written as UTF-8 bytes in byte mode without an ECI header: that is how EMVCo/JPQR codes
/// are printed in practice, and readers detect UTF-8 (tested against ZXing). ASCII-only payloads
/// produce the same bytes either way.
/// </summary>
public static class QrImageRenderer
{
    public const int DefaultPixelsPerModule = 10;

    public static byte[] RenderPng(string payload, int pixelsPerModule = DefaultPixelsPerModule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = CreateData(payload);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>
    /// SVG scaled by its viewBox, so it fills whatever box the page gives it (the sticker prints it
    /// in millimetres). No XML declaration, so it can be inlined into HTML.
    /// </summary>
    public static string RenderSvg(string payload)
    {
        using var data = CreateData(payload);
        using var svg = new SvgQRCode(data);
        var text = svg.GetGraphic(DefaultPixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = text.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? text[start..] : text;
    }

    private static QRCodeData CreateData(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        return QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true, utf8BOM: false, QRCodeGenerator.EciMode.Default);
    }
}
