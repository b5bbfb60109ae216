using System.Net;
using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// The printable A6 sticker a shop puts at the till: Japanese name, the store QR as inline SVG and
/// how to pay. Self-contained (no external CSS, fonts or images) so it prints the same offline.
/// </summary>
public static class StoreStickerPage
{
    private const string Instructions = "アプリでQRコードを読み取り、金額を入力して支払ってください";

    /// <summary>Builds the store code for <paramref name="merchant"/> and lays it out as an HTML page.</summary>
    /// <param name="storeLabel">Optional ASCII till/branch label, printed and written to 62.03.</param>
    /// <param name="storeNumber">店舗番号, printed large under the QR for residents who type it instead of scanning.</param>
    public static string Render(MerchantQrInfo merchant, string? storeLabel = null, string? storeNumber = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var payload = MerchantQrBuilder.BuildStoreCode(merchant, storeLabel);
        var svg = QrImageRenderer.RenderSvg(payload);
        var name = Encode(merchant.NameJapanese);
        var romaji = Encode(merchant.NameRomaji);

        var html = new StringBuilder(svg.Length + 2048);
        html.Append("""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <title>
            """).Append(name).Append("""
             — 津山地域通貨 支払いQRコード</title>
            <style>
            @page { size: 105mm 148mm; margin: 0; }
            * { box-sizing: border-box; }
            html, body { margin: 0; padding: 0; }
            body { font-family: "Hiragino Sans", "Yu Gothic", "Noto Sans JP", "Meiryo", sans-serif; color: #000; background: #fff; }
            .sticker {
                width: 105mm; height: 147mm; overflow: hidden; padding: 8mm 8mm 6mm;
                display: flex; flex-direction: column; align-items: center; text-align: center; page-break-after: always;
            }
            .brand { font-size: 11pt; font-weight: bold; letter-spacing: 0.1em; margin: 0 0 2mm; }
            .name { font-size: 18pt; font-weight: bold; margin: 0; line-height: 1.25; overflow-wrap: anywhere; }
            .romaji { font-size: 9pt; margin: 1mm 0 3mm; color: #333; }
            .qr { width: 72mm; height: 72mm; }
            .qr svg { width: 100%; height: 100%; display: block; }
            .label { font-size: 9pt; margin: 1mm 0 0; }
            .number { font-size: 16pt; font-weight: bold; letter-spacing: 0.15em; margin: 2mm 0 0; font-variant-numeric: tabular-nums; }
            .howto { font-size: 11pt; line-height: 1.5; margin: 4mm 0 0; }
            </style>
            </head>
            <body>
            <main class="sticker">
            <p class="brand">津山市 地域通貨</p>
            <h1 class="name">
            """).Append(name).Append("""
            </h1>
            <p class="romaji">
            """).Append(romaji).Append("""
            </p>
            <div class="qr" role="img" aria-label="支払い用QRコード">
            """).Append(svg).Append("""
            </div>

            """);
        if (!string.IsNullOrWhiteSpace(storeNumber))
        {
            html.Append("<p class=\"number\">店舗番号 ").Append(Encode(storeNumber)).Append("</p>\n");
        }

        if (!string.IsNullOrWhiteSpace(storeLabel))
        {
            html.Append("<p class=\"label\">").Append(Encode(storeLabel)).Append("</p>\n");
        }

        html.Append("<p class=\"howto\">").Append(Instructions).Append("</p>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // The sticker box is 1 mm short of A6 so browser rounding never spills a blank second page.
}
