using System.Globalization;

namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// 受付番号: four digits the resident's completion screen and the shop's screen both show, so a clerk
/// can tell this payment from the one before without reading a long id. Not unique, only distinct
/// enough between neighbours; taken from the random tail of the version-7 payment id.
/// </summary>
public static class PaymentDisplayNumber
{
    public static string Of(Guid paymentId)
    {
        Span<byte> bytes = stackalloc byte[16];
        paymentId.TryWriteBytes(bytes);
        return (BitConverter.ToUInt32(bytes[12..]) % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }
}
