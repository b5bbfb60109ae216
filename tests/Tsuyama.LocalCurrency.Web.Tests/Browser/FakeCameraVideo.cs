using System.Text;
using QRCoder;

namespace Tsuyama.LocalCurrency.Web.Tests.Browser;

/// <summary>
/// A phone camera pointed at a printed QR, as a file Chromium's fake capture device plays in a loop
/// (<c>--use-file-for-fake-video-capture</c>): raw YUV4MPEG2, 4:2:0, black modules on white.
/// </summary>
public static class FakeCameraVideo
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>
    /// Writes a few identical frames of <paramref name="payload"/> as a QR centred in the frame.
    /// qr-scanner reads only the centred square of 2/3 of the smaller side, so the code with its quiet
    /// zone is kept inside that square (about 60 % of the height).
    /// </summary>
    public static string Write(string payload, string path, int frames = 3)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var modules = data.ModuleMatrix; // includes QRCoder's 4-module quiet zone on every side
        var count = modules.Count;
        var scale = Height * 6 / 10 / count;
        var left = (Width - count * scale) / 2;
        var top = (Height - count * scale) / 2;

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235); // white paper, in video range
        for (var row = 0; row < count; row++)
        {
            for (var col = 0; col < count; col++)
            {
                if (!modules[row][col])
                {
                    continue;
                }

                for (var y = 0; y < scale; y++)
                {
                    Array.Fill(luma, (byte)16, ((top + row * scale + y) * Width) + left + (col * scale), scale);
                }
            }
        }

        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128); // no colour
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F30:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }

        return path;
    }
}
