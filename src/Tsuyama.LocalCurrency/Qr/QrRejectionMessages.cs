using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

internal static class QrRejectionMessages
{
    public static string ForResident(QrRejectionReason reason) => reason switch
    {
        QrRejectionReason.NotOurCode =>
            "このQRコードは津山の地域通貨では使えません。お店の地域通貨用QRコードを読み取ってください。",
        QrRejectionReason.CrcMissing or QrRejectionReason.CrcNotLast or QrRejectionReason.CrcMalformed
            or QrRejectionReason.CrcMismatch or QrRejectionReason.Truncated =>
            "QRコードを正しく読み取れませんでした。もう一度読み取ってください。",
        QrRejectionReason.WrongCurrency or QrRejectionReason.WrongCountry =>
            "このQRコードは日本円以外の支払い用です。津山の地域通貨では使えません。",
        QrRejectionReason.AmountMissing or QrRejectionReason.AmountInvalid or QrRejectionReason.AmountOnStaticCode =>
            "QRコードの金額が正しくありません。お店の方に確認してください。",
        QrRejectionReason.PaymentCodeMalformed or QrRejectionReason.PaymentCodeCheckDigit =>
            "支払いコードが正しくありません。番号を確認してもう一度入力してください。",
        _ => "このQRコードは正しくありません。お店の方に確認してください。",
    };

    public static string ToCode(QrRejectionReason reason)
    {
        var name = reason.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
