namespace Tsuyama.LocalCurrency.Features.Sales;

/// <summary>Bound from the <c>Sales</c> configuration section.</summary>
public sealed class SalesOptions
{
    public const string Section = "Sales";

    /// <summary>The payment provider's shared HMAC-SHA256 secret; callbacks are refused while it is empty.</summary>
    public string ProviderSecret { get; set; } = "";

    /// <summary>How far a callback's timestamp may be from now, either way.</summary>
    public TimeSpan ProviderTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
