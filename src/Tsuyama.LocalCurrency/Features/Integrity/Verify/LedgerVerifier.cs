using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>
/// Recomputes every balance from the transfers, re-hashes every sealed block and compares both
/// with what the database claims. One pass over the transfers, in sequence order.
/// </summary>
internal sealed class LedgerVerifier(LedgerDbContext db, byte[]? sealKey = null, string? anchor = null)
{
    private const int MaxListedProblems = 200;

    private readonly List<string> _problems = [];
    private long _problemCount;

    public async Task<VerifyReport> RunAsync(CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Type, ct).ConfigureAwait(false);
        var blocks = await db.SealBlocks.AsNoTracking().OrderBy(b => b.Number).ToListAsync(ct).ConfigureAwait(false);
        CheckChainLinks(blocks);

        var computed = new Dictionary<(Guid, Guid, PointKind), long>();
        var ids = new HashSet<Guid>();
        var chain = new BlockWalker(blocks, Problem);
        var flows = new OperationFlows();
        long transfers = 0;
        await foreach (var t in TransferReader.ReadAsync(db, 0, null, ct).ConfigureAwait(false))
        {
            transfers++;
            if (!ids.Add(t.Id))
            {
                Problem($"Transfer id {t.Id} appears more than once (sequence {t.Sequence}).");
            }

            if (t.Amount <= 0)
            {
                Problem($"Transfer {t.Sequence} moves a non-positive amount {t.Amount}.");
            }

            if (!accounts.ContainsKey(t.FromAccountId) || !accounts.ContainsKey(t.ToAccountId))
            {
                Problem($"Transfer {t.Sequence} names an account that does not exist.");
            }

            Add(computed, (t.FromAccountId, t.ProgramId, t.Kind), -t.Amount);
            Add(computed, (t.ToAccountId, t.ProgramId, t.Kind), t.Amount);
            chain.Append(t);
            flows.Add(t);
        }

        chain.Finish();
        await CheckBalancesAsync(accounts, computed, ct).ConfigureAwait(false);
        var lots = await CheckLotsAsync(ct).ConfigureAwait(false);
        await CheckIdempotencyKeysAsync(ct).ConfigureAwait(false);
        await IssuanceReconciliation.CheckAsync(db, flows, Problem, ct).ConfigureAwait(false);
        await RecordReconciliation.RunAsync(db, flows, Problem, ct).ConfigureAwait(false);

        if (_problemCount > _problems.Count)
        {
            _problems.Add($"… and {_problemCount - _problems.Count} more problems.");
        }

        return new VerifyReport(_problemCount == 0, transfers, chain.SealedTransfers, blocks.Count, accounts.Count, lots, _problems,
            blocks.Count > 0 ? blocks[^1].Hash : null, sealKey is not null);
    }

    private void CheckChainLinks(IReadOnlyList<SealBlock> blocks)
    {
        var previousHash = SealHasher.GenesisHash;
        long previousLast = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Number != i + 1)
            {
                Problem($"Seal block {i + 1} is missing (found block {b.Number} in its place).");
            }

            if (!string.Equals(b.PreviousHash, previousHash, StringComparison.OrdinalIgnoreCase))
            {
                Problem($"Seal block {b.Number} does not link to the hash of the block before it.");
            }

            if (b.FirstSequence != previousLast + 1 || b.LastSequence < b.FirstSequence)
            {
                Problem($"Seal block {b.Number} covers sequences {b.FirstSequence}–{b.LastSequence}, which do not follow on from {previousLast}.");
            }

            // The hash chain alone can be recomputed by anyone who can write the database; the signature
            // needs the key kept outside it.
            if (sealKey is not null
                && !string.Equals(b.Signature, SealOptions.Sign(sealKey, b.Number, b.LastSequence, b.Hash), StringComparison.OrdinalIgnoreCase))
            {
                Problem(b.Signature is null
                    ? $"Seal block {b.Number} is not signed with the seal key."
                    : $"Seal block {b.Number} has a signature the seal key did not make: the block was rewritten.");
            }

            previousHash = b.Hash;
            previousLast = b.LastSequence;
        }

        if (anchor is not null && !blocks.Any(b => string.Equals(b.Hash, anchor, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"No seal block has the anchored head hash {anchor.ToLowerInvariant()}: the chain up to it was rewritten or removed.");
        }
    }

    private async Task CheckBalancesAsync(Dictionary<Guid, AccountType> accounts, Dictionary<(Guid, Guid, PointKind), long> computed, CancellationToken ct)
    {
        var stored = await db.Balances.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var sums = new Dictionary<(Guid, PointKind), long>();
        var seen = new HashSet<(Guid, Guid, PointKind)>();
        foreach (var b in stored)
        {
            var key = (b.AccountId, b.ProgramId, b.Kind);
            seen.Add(key);
            Add(sums, (b.ProgramId, b.Kind), b.Amount);
            var expected = computed.GetValueOrDefault(key);
            if (expected != b.Amount)
            {
                Problem($"Balance of account {b.AccountId} ({b.ProgramId}, {b.Kind}) is {b.Amount} but its transfers sum to {expected}.");
            }

            if (b.Amount < 0 && accounts.GetValueOrDefault(b.AccountId) != AccountType.Issuer)
            {
                Problem($"Account {b.AccountId} ({accounts.GetValueOrDefault(b.AccountId)}) has a negative balance {b.Amount}.");
            }
        }

        foreach (var (key, amount) in computed)
        {
            if (amount != 0 && !seen.Contains(key))
            {
                Problem($"Account {key.Item1} has transfers summing to {amount} ({key.Item2}, {key.Item3}) but no balance row.");
            }
        }

        foreach (var ((program, kind), sum) in sums)
        {
            if (sum != 0)
            {
                Problem($"Balances of program {program} ({kind}) sum to {sum}, not zero.");
            }
        }
    }

    private async Task<long> CheckLotsAsync(CancellationToken ct)
    {
        var lotCount = await db.Lots.LongCountAsync(ct).ConfigureAwait(false);
        var badLots = await db.Lots
            .Where(l => l.Remaining < 0 || l.Remaining > l.OriginalAmount)
            .OrderBy(l => l.Id)
            .Select(l => l.Id)
            .Take(20)
            .ToListAsync(ct)
            .ConfigureAwait(false);
        foreach (var id in badLots)
        {
            Problem($"Lot {id} has a remaining amount outside 0..its original amount.");
        }

        var lotSums = await db.Lots.GroupBy(l => new { l.ResidentId, l.ProgramId, l.Kind })
            .Select(g => new { g.Key.ResidentId, g.Key.ProgramId, g.Key.Kind, Sum = g.Sum(l => l.Remaining) })
            .ToDictionaryAsync(x => (x.ResidentId, x.ProgramId, x.Kind), x => x.Sum, ct).ConfigureAwait(false);
        var residentBalances = await (
            from b in db.Balances
            join a in db.Accounts on b.AccountId equals a.Id
            where a.Type == AccountType.Resident
            select new { b.AccountId, b.ProgramId, b.Kind, b.Amount }).ToListAsync(ct).ConfigureAwait(false);
        var seen = new HashSet<(Guid, Guid, PointKind)>();
        foreach (var b in residentBalances)
        {
            var key = (b.AccountId, b.ProgramId, b.Kind);
            seen.Add(key);
            var lots = lotSums.GetValueOrDefault(key);
            if (lots != b.Amount)
            {
                Problem($"Resident {b.AccountId} holds {b.Amount} ({b.ProgramId}, {b.Kind}) but the remaining amounts of their lots sum to {lots}.");
            }
        }

        foreach (var (key, sum) in lotSums)
        {
            if (sum != 0 && !seen.Contains(key))
            {
                Problem($"Resident {key.Item1} has lots worth {sum} ({key.Item2}, {key.Item3}) but no balance.");
            }
        }

        return lotCount;
    }

    private async Task CheckIdempotencyKeysAsync(CancellationToken ct)
    {
        var duplicates = await db.IdempotencyRecords.GroupBy(r => new { r.Scope, r.Key }).Where(g => g.Count() > 1)
            .Select(g => g.Key.Key).OrderBy(k => k).Take(20).ToListAsync(ct).ConfigureAwait(false);
        foreach (var key in duplicates)
        {
            Problem($"Idempotency key '{key}' is recorded more than once.");
        }
    }

    private void Problem(string message)
    {
        _problemCount++;
        if (_problems.Count < MaxListedProblems)
        {
            _problems.Add(message);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, long> sums, TKey key, long amount)
        where TKey : notnull => sums[key] = checked(sums.GetValueOrDefault(key) + amount);
}
