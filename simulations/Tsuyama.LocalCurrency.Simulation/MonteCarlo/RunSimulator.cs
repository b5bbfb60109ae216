namespace Tsuyama.LocalCurrency.Simulation.MonteCarlo;

/// <summary>
/// One agent-based run. Residents spend their wallets in random purchases on random days before
/// expiry; each purchase is a parcel a merchant receives, and 1–maxRespendDelayDays later the
/// merchant passes it on to a supplier merchant (in points or, after redeeming, in yen) or it leaks.
/// Every draw uses the same probabilities as <see cref="FlowModel"/>, so the run's expectation is the
/// expected-flow answer. One instance per worker thread; buffers are reused between runs.
/// </summary>
internal sealed class RunSimulator
{
    private readonly MarketLayout _layout;
    private readonly List<ParcelBuffer> _days = [];
    private double[] _outstandingDelta;
    private int _lastDeltaDay;
    private readonly double _transferKeep;
    private readonly double _redemptionKeep;
    private readonly int _maxDelay;
    private readonly int _cutoffEvery;

    // Per run, for velocity in days: point-days residents held what they spent, and shops held what they passed on.
    private double _walletPointDays, _walletPoints, _shopPointDays, _shopPoints;

    public RunSimulator(MarketLayout layout)
    {
        _layout = layout;
        var scenario = layout.Scenario;
        _maxDelay = scenario.MonteCarlo.MaxRespendDelayDays;
        _cutoffEvery = scenario.MonteCarlo.SettlementCutoffEveryDays;
        _outstandingDelta = new double[scenario.ExpiryDays + _maxDelay + 1];
        _transferKeep = 1 - scenario.MerchantTransferFeeRate;
        _redemptionKeep = 1 - scenario.RedemptionFeeRate;
    }

    public RunOutcome Run(int seed, int runIndex, CancellationToken cancellationToken)
    {
        var rng = new Xoshiro256(seed, runIndex);
        foreach (var day in _days)
        {
            day.Clear();
        }

        Array.Clear(_outstandingDelta);
        _lastDeltaDay = 0;
        _walletPointDays = _walletPoints = _shopPointDays = _shopPoints = 0;
        var scenario = _layout.Scenario;
        AddOutstanding(0, scenario.IssuedPoints);
        var breakage = SpendWallets(ref rng);
        AddOutstanding(scenario.ExpiryDays, -breakage);

        var rounds = new double[3];
        var sectorTurnover = new double[_layout.SectorCount];
        var merchantTurnover = new double[_layout.MerchantTotal];
        double turnover = 0, pointHandovers = 0;
        for (var day = 0; day < _days.Count; day++)
        {
            if ((day & 31) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var bucket = _days[day];
            // Parcels added to today's bucket while processing it are impossible (delay ≥ 1), so Count is stable.
            for (var k = 0; k < bucket.Count; k++)
            {
                var parcel = bucket[k];
                var sector = _layout.MerchantSector[parcel.Merchant];
                turnover += parcel.Amount;
                sectorTurnover[sector] += parcel.Amount;
                merchantTurnover[parcel.Merchant] += parcel.Amount;
                if (parcel.Round <= 3)
                {
                    rounds[parcel.Round - 1] += parcel.Amount;
                }

                if (parcel.IsPoints)
                {
                    pointHandovers += parcel.Amount;
                }

                PassOn(ref rng, day, sector, parcel);
            }
        }

        // The series runs until the last merchant has acted on the last parcel (then nothing is outstanding).
        var outstanding = new double[_lastDeltaDay + 1];
        var running = 0.0;
        var pointDays = 0.0;
        for (var day = 0; day < outstanding.Length; day++)
        {
            running += _outstandingDelta[day];
            outstanding[day] = Math.Max(0, running);
            pointDays += outstanding[day];
        }

        return new RunOutcome
        {
            R1 = rounds[0],
            R2 = rounds[1],
            R3 = rounds[2],
            Turnover = turnover,
            PointHandovers = pointHandovers,
            BreakagePoints = breakage,
            SectorTurnover = sectorTurnover,
            MerchantMedian = SectorPercentiles(merchantTurnover, 0.5),
            MerchantP90 = SectorPercentiles(merchantTurnover, 0.9),
            Outstanding = outstanding,
            PointDays = pointDays,
            MeanDaysInWallets = _walletPoints > 0 ? _walletPointDays / _walletPoints : 0,
            MeanDaysWithShops = _shopPoints > 0 ? _shopPointDays / _shopPoints : 0,
        };
    }

    // Returns the points left unspent at expiry.
    private double SpendWallets(ref Xoshiro256 rng)
    {
        var scenario = _layout.Scenario;
        var residents = _layout.Residents;
        var units = scenario.Injection.UnitsSold;
        var perUnit = scenario.Injection.PointsPerUnit;
        var spendProbability = 1 - scenario.BreakageShare;
        var breakage = 0.0;
        for (var r = 0; r < residents; r++)
        {
            // Units are shared out as evenly as possible; the first (units mod residents) buy one more.
            var myUnits = units / residents + (r < units % residents ? 1 : 0);
            breakage += SpendWallet(ref rng, myUnits * perUnit.General, _layout.GeneralSectorCumulative, spendProbability);
            breakage += SpendWallet(ref rng, myUnits * perUnit.SmallBusiness, _layout.SmallBusinessSectorCumulative, spendProbability);
        }

        return breakage;
    }

    private double SpendWallet(ref Xoshiro256 rng, long balance, double[] sectorCumulative, double spendProbability)
    {
        var settings = _layout.Scenario.MonteCarlo;
        var span = settings.MaxPurchaseYen - settings.MinPurchaseYen + 1;
        var expiry = _layout.Scenario.ExpiryDays;
        var unspent = 0.0;
        while (balance > 0)
        {
            var amount = Math.Min(balance, settings.MinPurchaseYen + rng.NextInt(span));
            balance -= amount;

            // Each purchase is forgotten with the breakage probability, so breakage is breakageShare in expectation.
            if (rng.NextDouble() >= spendProbability)
            {
                unspent += amount;
                continue;
            }

            var sector = MarketLayout.Pick(sectorCumulative, rng.NextDouble());
            var merchant = _layout.MerchantStart[sector] + rng.NextInt(_layout.MerchantCount[sector]);
            var day = SpendingDay(ref rng, expiry);
            _walletPointDays += amount * (double)day;
            _walletPoints += amount;
            Schedule(day, new Parcel { Merchant = merchant, Amount = amount, Round = 1, IsPoints = true });
        }

        return unspent;
    }

    // One draw whatever the curve (even spending keeps its original draw; a curve inverts its piecewise-even
    // distribution), so the curve moves only when money is spent: every amount and every later draw stay the same.
    private int SpendingDay(ref Xoshiro256 rng, int expiry)
    {
        if (_layout.SpendingCurveCumulative is not { } curve)
        {
            return rng.NextInt(expiry);
        }

        var u = rng.NextDouble();
        var part = MarketLayout.Pick(curve, u);
        var from = part == 0 ? 0 : curve[part - 1];
        var within = Math.Clamp((u - from) / (curve[part] - from), 0, 1);
        return Math.Min(expiry - 1, (int)((part + within) * expiry / curve.Length));
    }

    private void PassOn(ref Xoshiro256 rng, int day, int sector, in Parcel parcel)
    {
        var actOn = day + 1 + rng.NextInt(_maxDelay);
        var form = parcel.IsPoints ? 1 : 0;
        if (rng.NextDouble() >= _layout.LocalRespendShare[form][sector])
        {
            // Leaks: points are redeemed at the next settlement after the merchant decides; yen simply leave.
            if (parcel.IsPoints)
            {
                Leave(day, RedemptionDay(actOn), parcel.Amount);
                AddOutstanding(RedemptionDay(actOn), -parcel.Amount);
            }

            return;
        }

        // Yen stay yen and pay no fee; points are transferred (fee) or redeemed first (fee).
        var inPoints = parcel.IsPoints && rng.NextDouble() < _layout.RespendInPointsShare[sector];
        var amount = parcel.IsPoints ? parcel.Amount * (inPoints ? _transferKeep : _redemptionKeep) : parcel.Amount;
        if (parcel.IsPoints)
        {
            // A transfer keeps the points in circulation less its fee, at once; a redemption removes them at the next
            // settlement. The shop pays its supplier from its own money on the day it acts either way.
            var leaves = inPoints ? actOn : RedemptionDay(actOn);
            Leave(day, leaves, parcel.Amount);
            AddOutstanding(leaves, inPoints ? amount - parcel.Amount : -parcel.Amount);
        }

        var target = _layout.SupplierTarget[form][sector][MarketLayout.Pick(_layout.SupplierCumulative[form][sector], rng.NextDouble())];
        var merchant = _layout.MerchantStart[target] + rng.NextInt(_layout.MerchantCount[target]);
        var round = (byte)Math.Min(parcel.Round + 1, 4);
        Schedule(actOn, new Parcel { Merchant = merchant, Amount = amount, Round = round, IsPoints = inPoints });
    }

    /// <summary>
    /// The day points a merchant decided on <paramref name="decided"/> to redeem leave circulation: the settlement run the
    /// day after the first cutoff (day k × settlementCutoffEveryDays) on or after it, or that same day without cutoffs.
    /// </summary>
    private int RedemptionDay(int decided)
    {
        if (_cutoffEvery == 0)
        {
            return decided;
        }

        var cutoff = Math.Max(1, (decided + _cutoffEvery - 1) / _cutoffEvery) * _cutoffEvery;
        return cutoff + 1;
    }

    private void Leave(int received, int leaves, double points)
    {
        _shopPointDays += points * (leaves - received);
        _shopPoints += points;
    }

    // What a typical (and a busy) shop of each sector took in this run: the spread between shops.
    private double[] SectorPercentiles(double[] merchantTurnover, double p)
    {
        var result = new double[_layout.SectorCount];
        for (var s = 0; s < result.Length; s++)
        {
            var shops = merchantTurnover.AsSpan(_layout.MerchantStart[s], _layout.MerchantCount[s]).ToArray();
            Array.Sort(shops);
            result[s] = Results.Distribution.Percentile(shops, p);
        }

        return result;
    }

    private void Schedule(int day, in Parcel parcel)
    {
        while (_days.Count <= day)
        {
            _days.Add(new ParcelBuffer());
        }

        _days[day].Add(parcel);
    }

    private void AddOutstanding(int day, double delta)
    {
        if (day >= _outstandingDelta.Length)
        {
            Array.Resize(ref _outstandingDelta, Math.Max(day + 1, _outstandingDelta.Length * 2));
        }

        _outstandingDelta[day] += delta;
        _lastDeltaDay = Math.Max(_lastDeltaDay, day);
    }
}
