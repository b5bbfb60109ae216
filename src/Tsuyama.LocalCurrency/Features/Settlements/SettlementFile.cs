namespace Tsuyama.LocalCurrency.Features.Settlements;

/// <summary>A generated document of a settlement, ready to save or send.</summary>
public sealed record SettlementFile(string FileName, string ContentType, byte[] Content);
