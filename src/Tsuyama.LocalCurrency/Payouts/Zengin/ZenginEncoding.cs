using System.Text;

namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>The Shift_JIS (code page 932) encoding Zengin files are written in.</summary>
public static class ZenginEncoding
{
    /// <summary>
    /// Code page 932 with exception fallbacks: a character that cannot be encoded must fail loudly,
    /// never become '?' in a bank file.
    /// </summary>
    public static Encoding ShiftJis { get; } = Create();

    private static Encoding Create()
    {
        // .NET Core only knows UTF/Latin code pages until the provider is registered; registering
        // again elsewhere is harmless, and this static initialiser runs once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
