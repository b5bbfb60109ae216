using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Features.Analytics.GetCirculation;

/// <summary>Turns per-merchant and per-pair sums into sector rows and sector-to-sector cells, applying <see cref="PrivacyRule"/>.</summary>
internal static class SectorAggregation
{
    public static (List<SectorCirculation> Rows, int ActiveMerchants) Sectors(
        IEnumerable<MerchantSum> sums, IReadOnlyDictionary<Guid, (string Category, MerchantSize Size)> merchants, long spentByResidents)
    {
        var groups = new Dictionary<string, SectorTally>(StringComparer.Ordinal);
        foreach (var sum in sums)
        {
            // Only merchant accounts: a refund's or payment's other side is a resident.
            if (!merchants.TryGetValue(sum.MerchantId, out var merchant))
            {
                continue;
            }

            var id = MerchantSectors.Of(merchant.Category, merchant.Size);
            if (!groups.TryGetValue(id, out var tally))
            {
                groups[id] = tally = new SectorTally(id);
            }

            tally.Add(sum);
        }

        var ordered = groups.Values.OrderBy(g => Order(g.Id));
        var (shown, hidden) = PrivacyRule.Split(ordered, g => g.Sum(x => x.Merchants.Count) >= PrivacyRule.MinimumMerchants, g => g.Merchants.Count);
        var rows = shown.Select(g => g.ToRow(spentByResidents)).ToList();
        if (hidden.Count > 0)
        {
            var bucket = new SectorTally(CirculationPrivacy.SuppressedId);
            foreach (var g in hidden)
            {
                bucket.Absorb(g);
            }

            rows.Add(bucket.ToRow(spentByResidents) with { Suppressed = true, Sectors = hidden.Count });
        }

        return (rows, groups.Values.Sum(g => g.Merchants.Count));
    }

    public static SectorFlows Flows(IEnumerable<MerchantPair> pairs, IReadOnlyDictionary<Guid, (string Category, MerchantSize Size)> merchants)
    {
        var cells = new Dictionary<(string From, string To), FlowTally>();
        foreach (var pair in pairs)
        {
            if (!merchants.TryGetValue(pair.From, out var from) || !merchants.TryGetValue(pair.To, out var to))
            {
                continue;
            }

            var key = (MerchantSectors.Of(from.Category, from.Size), MerchantSectors.Of(to.Category, to.Size));
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new FlowTally(key.Item1, key.Item2);
            }

            cell.Senders.Add(pair.From);
            cell.Receivers.Add(pair.To);
            cell.Points += pair.Amount;
        }

        var ordered = cells.Values.OrderBy(c => Order(c.From)).ThenBy(c => Order(c.To));
        var (shown, hidden) = PrivacyRule.Split(ordered, IsLargeEnough, c => c.Points);
        return new SectorFlows(
            [.. shown.Select(c => new SectorFlow(c.From, c.To, c.Points, c.Senders.Count, c.Receivers.Count))],
            hidden.Sum(c => c.Points),
            hidden.Count);

        // A merchant can sit in several cells, so the union is counted, not the sum of counts.
        static bool IsLargeEnough(IReadOnlyCollection<FlowTally> group) =>
            group.SelectMany(c => c.Senders).Distinct().Count() >= PrivacyRule.MinimumMerchants
            && group.SelectMany(c => c.Receivers).Distinct().Count() >= PrivacyRule.MinimumMerchants;
    }

    public static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static int Order(string sectorId)
    {
        var index = MerchantSectors.All.ToList().IndexOf(sectorId);
        return index < 0 ? int.MaxValue : index;
    }

    private sealed class FlowTally(string from, string to)
    {
        public string From { get; } = from;
        public string To { get; } = to;
        public HashSet<Guid> Senders { get; } = [];
        public HashSet<Guid> Receivers { get; } = [];
        public long Points { get; set; }
    }

    private sealed class SectorTally(string id)
    {
        public string Id { get; } = id;
        public HashSet<Guid> Merchants { get; } = [];
        private long _residentSpend;
        private long _fromMerchants;
        private long _respent;
        private long _redeemed;

        public void Add(MerchantSum sum)
        {
            Merchants.Add(sum.MerchantId);
            switch (sum.Type, sum.Outgoing)
            {
                case (TransferType.Payment, false): _residentSpend += sum.Amount; break;
                case (TransferType.Refund, true): _residentSpend -= sum.Amount; break;
                case (TransferType.MerchantTransfer, false): _fromMerchants += sum.Amount; break;
                case (TransferType.MerchantTransfer or TransferType.MerchantTransferFee, true): _respent += sum.Amount; break;
                case (TransferType.Redemption, true): _redeemed += sum.Amount; break;
                default: break;
            }
        }

        public void Absorb(SectorTally other)
        {
            Merchants.UnionWith(other.Merchants);
            _residentSpend += other._residentSpend;
            _fromMerchants += other._fromMerchants;
            _respent += other._respent;
            _redeemed += other._redeemed;
        }

        public SectorCirculation ToRow(long spentByResidents) => new(
            Id, Suppressed: false, Sectors: 1, Merchants.Count, _residentSpend, Share(_residentSpend, spentByResidents),
            _fromMerchants, _respent, _redeemed, Share(_respent, _respent + _redeemed), Share(_redeemed, _respent + _redeemed));
    }
}
