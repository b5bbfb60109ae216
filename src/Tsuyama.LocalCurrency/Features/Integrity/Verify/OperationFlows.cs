using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>
/// The journal's side of the record reconciliations, gathered during verify's one pass over the transfers, so that
/// no check has to scan or regroup the transfers again (each such scan cost a full read of a million rows, and the
/// settlement lines' correlated sums were quadratic in the merchants of a run). Payment transfers are left out: there
/// is one per payment, and <see cref="RecordReconciliation"/> meets them in one ordered stream with their payments.
/// </summary>
internal sealed class OperationFlows
{
    private readonly Dictionary<(TransferType Type, Guid Operation), Flow> _byOperation = [];
    private readonly Dictionary<(Guid Settlement, Guid Merchant, Guid Program), long> _redeemed = [];

    /// <summary>The sum of one operation's transfers of one type, and the first of them to name it in a report.</summary>
    public readonly record struct Flow(long Amount, long FirstSequence);

    public void Add(Transfer t)
    {
        if (t.Type == TransferType.Payment)
        {
            return;
        }

        var key = (t.Type, t.OperationId);
        _byOperation[key] = _byOperation.TryGetValue(key, out var flow)
            ? flow with { Amount = flow.Amount + t.Amount }
            : new Flow(t.Amount, t.Sequence);
        if (t.Type == TransferType.Redemption)
        {
            var line = (t.OperationId, t.FromAccountId, t.ProgramId);
            _redeemed[line] = _redeemed.GetValueOrDefault(line) + t.Amount;
        }
    }

    /// <summary>Each operation's total of transfers of <paramref name="type"/>.</summary>
    public Dictionary<Guid, long> Totals(TransferType type) =>
        _byOperation.Where(f => f.Key.Type == type).ToDictionary(f => f.Key.Operation, f => f.Value.Amount);

    /// <summary>The points a settlement run redeemed from one merchant in one program.</summary>
    public long Redeemed(Guid settlement, Guid merchant, Guid program) => _redeemed.GetValueOrDefault((settlement, merchant, program));

    /// <summary>
    /// The first transfer (by sequence) of each operation of the given types whose operation <paramref name="exists"/>
    /// does not know, in sequence order.
    /// </summary>
    public IEnumerable<long> WithoutRecord(Func<Guid, bool> exists, params TransferType[] types) =>
        _byOperation.Where(f => types.Contains(f.Key.Type) && !exists(f.Key.Operation)).Select(f => f.Value.FirstSequence).Order();
}
