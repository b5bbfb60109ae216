using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.Expiry.SendExpiryReminders;
using Tsuyama.LocalCurrency.Features.Integrity.Seal;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.ConfirmApplicationPayment;
using Tsuyama.LocalCurrency.Features.Sales.ExpireUnpaidWinners;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Jobs;
using Tsuyama.LocalCurrency.Payouts;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal sealed record DemoSummary(int Days, int Merchants, int Residents, int Purchases, int Payments, int PaymentDays, int Refunds, int Transfers,
    int Refused, int Settlements, int Reminders, long ExpiredPoints, IReadOnlyList<string> SignIns)
{
    public override string ToString() =>
        $"Seeded {Merchants} merchants, {Residents} residents over {Days} days: {Purchases} purchases, {Payments} payments on {PaymentDays} days, " +
        $"{Refunds} refunds, {Transfers} merchant transfers ({Refused} refused by the rules, as in real life), {Settlements} settlements, " +
        $"{Reminders} expiry reminders, {ExpiredPoints:N0} points expired.";
}

/// <summary>
/// Replays the past <c>days</c> days through the real use cases (not direct inserts) under a clock
/// moved from morning to evening of each day, so the demo data obeys every ledger rule and carries
/// real timestamps. Each operation runs in its own scope, as a request would. The daily jobs run
/// at their scheduled times (expiry 00:05, unpaid winners 00:10, settlement of a cutoff 00:30 the
/// day after, reminders 09:00, sealing at the end of the day) as the web host's scheduler would.
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, DemoClock clock, Random random)
{
    private const int SignInResidents = 3;
    private const string Counter = "cli:seed-demo";

    /// <summary>Restaurants, greengrocer and butcher buy from the wholesaler and the farm stand with the points they took.</summary>
    private static readonly int[] Buyers = [1, 2, 3, 11];
    private static readonly int[] Suppliers = [12, 13];

    private readonly List<(Guid Id, MerchantSize Size)> _merchants = [];
    private readonly List<Guid> _spenders = [];
    private readonly HashSet<DateOnly> _paymentDays = [];
    private int _purchases, _paid, _refunds, _transfers, _refused, _settlements, _reminders;
    private long _expired;
    private DateOnly _shortLastSalesDay;

    public async Task<DemoSummary> RunAsync(ProgressContext progress, int days, int residentCount, int paymentCount, CancellationToken ct)
    {
        var today = JapanTime.Today(TimeProvider.System);
        var first = today.AddDays(-days);
        var plan = DemoSchedule.Plan(first, days, residentCount, paymentCount, random);
        var task = progress.AddTask($"{days} days from {first:yyyy-MM-dd}", maxValue: days + 1);

        MoveTo(first, new TimeOnly(8, 0));
        var lastSalesDay = first.AddDays(plan.SalesDays - 1);
        Must(await SendAsync(new CreateProgramCommand(DemoData.ProgramCode, "デモ 津山プレミアム商品券", 10_000, new PointsPerUnit(6_000, 7_000),
            100_000, 5, first, lastSalesDay, today.AddDays(120), 150, true, 50, RefundWindowDays: 14), ct));
        // Applications online (first come) beside the counter; the premium budget caps what can be sold.
        Must(await SendAsync(new SetSalesRulesCommand(DemoData.ProgramCode, AllocationRule.FirstCome, first, lastSalesDay, 7,
            residentCount * 4L * 3_000), ct));
        // A short-lived program sold on the first days, so reminders and expiry happen inside the window.
        _shortLastSalesDay = first.AddDays(Math.Min(1, days - 1));
        var shortExpires = first.AddDays(Math.Max(1, (int)(days * 0.6)));
        Must(await SendAsync(new CreateProgramCommand(DemoData.ShortProgramCode, "デモ 津山夏のにぎわい券", 5_000, new PointsPerUnit(6_000, 0),
            10_000, 2, first, _shortLastSalesDay, shortExpires, 150, true, 50), ct));
        var signIns = await RegisterMerchantsAsync(ct);

        var residents = new List<(int Index, int Day)>(plan.PurchaseDay.Select((d, i) => (i, d)));
        for (var d = 0; d <= days; d++)
        {
            var day = first.AddDays(d);
            await RunNightJobsAsync(day, first, ct);
            if (d == days)
            {
                // Today: only what the scheduler has already done by now.
                break;
            }

            var events = new PriorityQueue<Func<Task>, TimeOnly>();
            var buyers = residents.Where(r => r.Day == d).ToList();
            for (var i = 0; i < buyers.Count; i++)
            {
                var index = buyers[i].Index;
                events.Enqueue(() => BuyAsync(index, day, signIns, ct), new TimeOnly(9, 30).Add(TimeSpan.FromSeconds(5400.0 * i / buyers.Count)));
            }

            for (var i = 0; i < plan.Payments[d]; i++)
            {
                var at = DemoSchedule.PaymentTime(random);
                events.Enqueue(() => PayAsync(day, at, events, ct), at);
            }

            if (!BusinessDays.IsBankHoliday(day) || random.NextDouble() < 0.3)
            {
                var from = Buyers[random.Next(Buyers.Length)];
                events.Enqueue(() => TransferToSupplierAsync(from, ct), new TimeOnly(17, 0).Add(TimeSpan.FromMinutes(random.Next(120))));
            }

            while (events.TryDequeue(out var run, out var at))
            {
                MoveTo(day, at);
                await run();
            }

            MoveTo(day, new TimeOnly(23, 55));
            Must(await SendAsync(new SealLedgerCommand(TimeSpan.Zero), ct));
            task.Increment(1);
        }

        task.Increment(1);
        clock.MoveTo(TimeProvider.System.GetUtcNow());
        return new DemoSummary(days, _merchants.Count, residentCount, _purchases, _paid, _paymentDays.Count, _refunds, _transfers, _refused,
            _settlements, _reminders, _expired, signIns);
    }

    private async Task<List<string>> RegisterMerchantsAsync(CancellationToken ct)
    {
        var signIns = new List<string>();
        for (var i = 0; i < DemoData.Merchants.Length; i++)
        {
            var m = DemoData.Merchants[i];
            var email = $"shop{i + 1:D2}@demo.tsuyama.example";
            var made = Must(await SendAsync(new RegisterMerchantCommand(m.Name, m.Kana, m.Romaji, m.Mcc, m.Size, "7080000",
                email, i < 2 ? DemoData.Password : null, DemoData.Payout(i, m.Kana)), ct));
            _merchants.Add((made.MerchantId, m.Size));
            if (i < 2)
            {
                signIns.Add(email);
            }
        }

        return signIns;
    }

    /// <summary>The scheduler's night and morning: each step only once its time has come (today stops at the real clock).</summary>
    private async Task RunNightJobsAsync(DateOnly day, DateOnly first, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (At(day, new TimeOnly(0, 5), now))
        {
            var expired = Must(await ExpiryRunner.RunAsync(services.GetRequiredService<IServiceScopeFactory>(), day, ct: ct));
            _expired += expired.Points;
        }

        if (At(day, new TimeOnly(0, 10), now))
        {
            Must(await SendAsync(new ExpireUnpaidWinnersCommand(day), ct));
        }

        var cutoff = day.AddDays(-1);
        if (cutoff >= first && DemoSchedule.IsCutoff(cutoff) && At(day, new TimeOnly(0, 30), now))
        {
            Must(await SendAsync(new RunSettlementCommand(cutoff, SettlementJob.Caller, $"settlement-{cutoff:yyyy-MM-dd}"), ct));
            _settlements++;
        }

        if (At(day, new TimeOnly(9, 0), now))
        {
            _reminders += Must(await SendAsync(new SendExpiryRemindersCommand(day), ct)).Stored;
        }
    }

    private bool At(DateOnly day, TimeOnly time, DateTimeOffset realNow)
    {
        var at = new DateTimeOffset(day.ToDateTime(time), JapanTime.Offset);
        if (at > realNow)
        {
            return false;
        }

        MoveTo(day, time);
        return true;
    }

    private async Task BuyAsync(int index, DateOnly day, List<string> signIns, CancellationToken ct)
    {
        var email = $"resident{index + 1:D4}@demo.tsuyama.example";
        // Hashing a password costs ~0.1 s by design, so only a few demo residents can sign in.
        var resident = Must(await SendAsync(new RegisterResidentCommand(email, index < SignInResidents ? DemoData.Password : null, $"住民 {index + 1}"), ct))
            .ResidentId;
        if (index < SignInResidents)
        {
            signIns.Add(email);
        }

        // Checked at the counter by no one in particular: the empty staff id marks seeded data.
        Must(await SendAsync(new VerifyResidentCommand(resident, "my-number-card", day, Guid.Empty), ct));
        var units = random.Next(2, 6);
        Result<Features.Sales.PointsPurchased> bought;
        if (random.NextDouble() < 0.3)
        {
            // Applied online, then paid at the counter; one in five never pays and lapses at the deadline.
            var application = Must(await SendAsync(new ApplyCommand(resident, DemoData.ProgramCode, units), ct));
            if (random.NextDouble() < 0.2)
            {
                return;
            }

            bought = await SendAsync(new ConfirmApplicationPaymentCommand(application.ApplicationId, application.AmountDueYen, "cash", null, Counter,
                $"seed-confirm-{index}"), ct);
        }
        else
        {
            bought = await SendAsync(new RecordCounterSaleCommand(resident, DemoData.ProgramCode, units, units * 10_000L, "cash", null, Counter,
                $"seed-purchase-{index}"), ct);
        }

        Count(bought);
        if (index % 4 == 0 && day <= _shortLastSalesDay)
        {
            Count(await SendAsync(new RecordCounterSaleCommand(resident, DemoData.ShortProgramCode, 1, 5_000, "cash", null, Counter,
                $"seed-short-{index}"), ct));
        }

        if (bought.IsSuccess)
        {
            _spenders.Add(resident);
        }
    }

    private void Count<T>(Result<T> result)
    {
        _purchases += result.IsSuccess ? 1 : 0;
        _refused += result.IsSuccess ? 0 : 1;
    }

    /// <summary>One payment; about one in thirty is refunded (in full or in part) at the same shop within the hour.</summary>
    private async Task PayAsync(DateOnly day, TimeOnly at, PriorityQueue<Func<Task>, TimeOnly> events, CancellationToken ct)
    {
        if (_spenders.Count == 0)
        {
            return;
        }

        var resident = _spenders[random.Next(_spenders.Count)];
        // Large stores take about half the spending (fewer shops, bigger baskets), as in most voucher programs.
        var (merchant, size) = _merchants[random.Next(_merchants.Count)];
        var amount = size == MerchantSize.Large ? random.Next(5, 51) * 100L : random.Next(3, 26) * 100L;
        var payment = await SendAsync(new PayCommand(resident, merchant, amount, PaymentChannel.StoreQr, IdempotencyScopes.User(resident),
            $"seed-pay-{Guid.CreateVersion7(clock.GetUtcNow())}"), ct);
        if (!payment.IsSuccess)
        {
            _refused++;
            return;
        }

        _paid++;
        _paymentDays.Add(day);
        if (random.NextDouble() < 0.03)
        {
            var paymentId = payment.Value.PaymentId;
            var back = random.NextDouble() < 0.5 ? amount : Math.Max(100, amount / 200 * 100);
            events.Enqueue(async () =>
            {
                var refund = await SendAsync(new RefundPaymentCommand(merchant, paymentId, back,
                    IdempotencyScopes.Merchant(merchant), $"seed-refund-{paymentId}"), ct);
                _refunds += refund.IsSuccess ? 1 : 0;
                _refused += refund.IsSuccess ? 0 : 1;
            }, at.Add(TimeSpan.FromMinutes(random.Next(5, 60))));
        }
    }

    private async Task TransferToSupplierAsync(int from, CancellationToken ct)
    {
        var source = _merchants[from].Id;
        var target = _merchants[Suppliers[random.Next(Suppliers.Length)]].Id;
        var transfer = await SendAsync(new TransferToMerchantCommand(source, target, random.Next(2, 11) * 500L, IdempotencyScopes.Merchant(source),
            $"seed-transfer-{Guid.CreateVersion7(clock.GetUtcNow())}"), ct);
        _transfers += transfer.IsSuccess ? 1 : 0;
        _refused += transfer.IsSuccess ? 0 : 1;
    }

    private void MoveTo(DateOnly day, TimeOnly time) => clock.MoveTo(new DateTimeOffset(day.ToDateTime(time), JapanTime.Offset));

    private async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"{result.Error.Title}: {result.Error.Detail}");
}
