using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Tests.Qr;

public sealed class StoreStickerPageTests
{
    [Fact]
    public void Render_IsA6PageWithJapaneseNameInlineSvgAndInstructions()
    {
        var html = StoreStickerPage.Render(QrTestPayloads.Merchant);

        html.Should().StartWith("<!DOCTYPE html>")
            .And.Contain("<html lang=\"ja\">")
            .And.Contain("<meta charset=\"utf-8\">")
            .And.Contain("@page { size: 105mm 148mm;")
            .And.Contain("<h1 class=\"name\">津山商店 本町店</h1>")
            .And.Contain("<svg")
            .And.Contain("アプリでQRコードを読み取り、金額を入力して支払ってください")
            .And.NotContain("<?xml")
            .And.NotContain("<link", "the page must print without fetching anything")
            .And.NotContain("src=")
            .And.NotContain("url(");
    }

    [Fact]
    public void Render_HtmlEncodesMerchantText()
    {
        var merchant = QrTestPayloads.Merchant with
        {
            NameJapanese = "<script>alert(1)</script>&店",
            NameRomaji = "A&B \"<Shop>\"",
        };

        var html = StoreStickerPage.Render(merchant, "Till <1>");

        html.Should().NotContain("<script>")
            .And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;店")
            .And.Contain("A&amp;B &quot;&lt;Shop&gt;&quot;")
            .And.Contain("Till &lt;1&gt;");
    }
}
