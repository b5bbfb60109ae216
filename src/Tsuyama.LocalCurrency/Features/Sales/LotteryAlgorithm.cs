using System.Security.Cryptography;
using System.Text;

namespace Tsuyama.LocalCurrency.Features.Sales;

public sealed record LotteryEntry(Guid ApplicationId, int Units);

public sealed record LotteryPlace(int Position, Guid ApplicationId, int Units, bool Won);

/// <summary>
/// The published lottery algorithm (docs/decisions/0012-sales-lottery-and-state-machine.md), small
/// enough to re-implement from its description: each application's ticket is
/// SHA-256(UTF-8("{seed}:{application id, lower-case with hyphens}")); applications are drawn in
/// ascending order of ticket (bytes compared as unsigned, ties by id text); walking that order, an
/// application wins if all its units still fit, otherwise it goes to the waiting list in its place.
/// </summary>
public static class LotteryAlgorithm
{
    public const string Name = "sha256-ticket-order/whole-applications/v1";

    public static byte[] Ticket(string seed, Guid applicationId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{applicationId:D}"));

    public static IReadOnlyList<LotteryPlace> Draw(string seed, IEnumerable<LotteryEntry> entries, int unitsOnSale)
    {
        var ordered = entries
            .Select(e => (Entry: e, Ticket: Convert.ToHexString(Ticket(seed, e.ApplicationId))))
            .OrderBy(x => x.Ticket, StringComparer.Ordinal)
            .ThenBy(x => x.Entry.ApplicationId.ToString("D"), StringComparer.Ordinal)
            .ToList();
        var left = unitsOnSale;
        var places = new List<LotteryPlace>(ordered.Count);
        foreach (var (entry, _) in ordered)
        {
            var won = entry.Units <= left;
            if (won)
            {
                left -= entry.Units;
            }

            places.Add(new LotteryPlace(places.Count + 1, entry.ApplicationId, entry.Units, won));
        }

        return places;
    }
}
