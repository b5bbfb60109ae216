namespace Tsuyama.LocalCurrency.Qr;

/// <summary>One EMVCo data object: a two-digit tag and its value (length is implied by the value).</summary>
public readonly record struct EmvcoField(string Tag, string Value);
