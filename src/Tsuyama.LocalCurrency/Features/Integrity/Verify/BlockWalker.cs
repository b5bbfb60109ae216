using System.Security.Cryptography;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Features.Integrity.Verify;

/// <summary>Re-hashes sealed blocks as transfers stream past in sequence order.</summary>
internal sealed class BlockWalker(IReadOnlyList<SealBlock> blocks, Action<string> problem)
{
    private int _index;
    private IncrementalHash? _hash;
    private int _count;

    public long SealedTransfers { get; private set; }

    public void Append(Transfer t)
    {
        while (_index < blocks.Count && t.Sequence > blocks[_index].LastSequence)
        {
            Close();
        }

        if (_index >= blocks.Count)
        {
            return;
        }

        _hash ??= SealHasher.Begin(blocks[_index].PreviousHash);
        SealHasher.Append(_hash, t);
        _count++;
        SealedTransfers++;
    }

    public void Finish()
    {
        while (_index < blocks.Count)
        {
            Close();
        }
    }

    private void Close()
    {
        var block = blocks[_index];
        var hash = _hash ?? SealHasher.Begin(block.PreviousHash);
        var actual = SealHasher.Finish(hash);
        hash.Dispose();
        if (_count != block.TransferCount)
        {
            problem($"Seal block {block.Number} sealed {block.TransferCount} transfers but {_count} are there now (a transfer was deleted or inserted).");
        }
        else if (!string.Equals(actual, block.Hash, StringComparison.OrdinalIgnoreCase))
        {
            problem(
                $"Seal block {block.Number} (sequences {block.FirstSequence}–{block.LastSequence}) does not match its hash: a sealed transfer was altered.");
        }

        _hash = null;
        _count = 0;
        _index++;
    }
}
