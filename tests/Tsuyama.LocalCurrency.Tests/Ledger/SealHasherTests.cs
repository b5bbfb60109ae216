using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Ledger;

namespace Tsuyama.LocalCurrency.Tests.Ledger;

/// <summary>
/// The canonical row a seal hashes (docs/design.md, sealing): sealed blocks in existing databases were hashed from
/// exactly these bytes, so a change in the format, however small, would make every old seal fail verify.
/// </summary>
public sealed class SealHasherTests
{
    [Fact]
    public void Append_HashesThePreviousHashThenTheCanonicalPipeSeparatedRow()
    {
        var previous = new string('a', 64);
        var transfer = new Transfer
        {
            Sequence = 42,
            Id = Guid.Parse("0b7d2c4e-1f3a-4c5b-9d6e-7f8091a2b3c4"),
            ProgramId = Guid.Parse("11111111-2222-3333-4444-555555555555"),
            Kind = PointKind.SmallBusiness,
            FromAccountId = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
            ToAccountId = Guid.Parse("99999999-8888-7777-6666-555555555555"),
            Amount = 1_500,
            Type = TransferType.Payment,
            OperationId = Guid.Parse("12345678-90ab-cdef-1234-567890abcdef"),
            CreatedAt = new DateTime(2026, 12, 2, 1, 2, 3, DateTimeKind.Utc),
        };
        var row = string.Join('|',
            "42", "0b7d2c4e1f3a4c5b9d6e7f8091a2b3c4", "11111111222233334444555555555555", "1",
            "aaaaaaaabbbbccccddddeeeeeeeeeeee", "99999999888877776666555555555555", "1500", "1",
            "1234567890abcdef1234567890abcdef", transfer.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)) + "\n";
        var expected = Convert.ToHexString(SHA256.HashData([.. Convert.FromHexString(previous), .. Encoding.ASCII.GetBytes(row)]))
            .ToLowerInvariant();

        using var hash = SealHasher.Begin(previous);
        SealHasher.Append(hash, transfer);

        SealHasher.Finish(hash).Should().Be(expected);
    }
}
