using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.History;

/// <summary>What moved a resident's points; every entry is one ledger operation.</summary>
public enum HistoryKind
{
    Purchase = 0,
    /// <summary>Points issued without a purchase (e.g. a city grant).</summary>
    Grant = 1,
    Payment = 2,
    Refund = 3,
    Expiry = 4,
}

internal static class HistoryKinds
{
    public static HistoryKind? Of(TransferType type, bool isPurchase) => type switch
    {
        TransferType.Issue => isPurchase ? HistoryKind.Purchase : HistoryKind.Grant,
        TransferType.Payment => HistoryKind.Payment,
        TransferType.Refund => HistoryKind.Refund,
        TransferType.Expiry => HistoryKind.Expiry,
        _ => null,
    };
}
