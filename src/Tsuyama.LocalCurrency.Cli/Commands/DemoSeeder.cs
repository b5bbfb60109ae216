using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;

namespace Tsuyama.LocalCurrency.Cli.Commands;

internal sealed record DemoSummary(int Merchants, int Residents, int Payments, int Refunds, int Transfers, int Refused, IReadOnlyList<string> SignIns)
{
    public override string ToString() =>
        $"Seeded {Merchants} merchants, {Residents} residents, {Payments} payments, {Refunds} refunds, {Transfers} merchant transfers ({Refused} refused by the rules, as in real life).";
}

/// <summary>
/// Drives the real use cases (not direct inserts), so the demo data obeys every ledger rule and
/// exercises the same code as the API. Each operation runs in its own scope, as a request would.
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, Random random)
{
    private const int SignInResidents = 3;

    public async Task<DemoSummary> RunAsync(ProgressContext progress, int residentCount, int paymentCount, CancellationToken ct)
    {
        var setup = progress.AddTask("program, merchants, residents", maxValue: 1 + DemoData.Merchants.Length + residentCount);
        var today = JapanTime.Today(services.GetRequiredService<TimeProvider>());
        Must(await SendAsync(new CreateProgramCommand(DemoData.ProgramCode, "デモ 津山プレミアム商品券", 10_000, new PointsPerUnit(6_000, 7_000),
            100_000, 5, today.AddDays(-30), today.AddDays(60), today.AddDays(180), 150, true, 50), ct));
        setup.Increment(1);

        var merchants = new List<(Guid Id, MerchantSize Size)>();
        var signIns = new List<string>();
        for (var i = 0; i < DemoData.Merchants.Length; i++)
        {
            var m = DemoData.Merchants[i];
            var email = $"shop{i + 1:D2}@demo.tsuyama.example";
            var made = Must(await SendAsync(new RegisterMerchantCommand(m.Name, m.Kana, m.Romaji, m.Mcc, m.Size, "7080000",
                email, i < 2 ? DemoData.Password : null, DemoData.Payout(i, m.Kana)), ct));
            merchants.Add((made.MerchantId, m.Size));
            if (i < 2)
            {
                signIns.Add(email);
            }

            setup.Increment(1);
        }

        var residents = new List<Guid>();
        for (var i = 0; i < residentCount; i++)
        {
            var email = $"resident{i + 1:D4}@demo.tsuyama.example";
            // Hashing a password costs ~0.1 s by design, so only a few demo residents can sign in.
            var made = Must(await SendAsync(new RegisterResidentCommand(email, i < SignInResidents ? DemoData.Password : null, $"住民 {i + 1}"), ct));
            residents.Add(made.ResidentId);
            // Demo residents were "checked at the counter" by no one in particular: the empty staff id marks seeded data.
            Must(await SendAsync(new VerifyResidentCommand(made.ResidentId, "my-number-card", today, Guid.Empty), ct));
            var units = random.Next(2, 6);
            Must(await SendAsync(new RecordCounterSaleCommand(made.ResidentId, DemoData.ProgramCode, units, units * 10_000L, "cash", null,
                "cli:seed-demo", $"seed-purchase-{i}"), ct));
            if (i < SignInResidents)
            {
                signIns.Add(email);
            }

            setup.Increment(1);
        }

        var flows = progress.AddTask("payments, refunds, transfers", maxValue: paymentCount);
        int paid = 0, refunds = 0, transfers = 0, refused = 0;
        for (var i = 0; i < paymentCount; i++)
        {
            var resident = residents[random.Next(residents.Count)];
            var (merchant, _) = merchants[random.Next(merchants.Count)];
            var amount = random.Next(1, 30) * 100L;
            var payment = await SendAsync(new PayCommand(resident, merchant, amount, PaymentChannel.StoreQr, $"resident:{resident}", $"seed-pay-{i}"), ct);
            if (!payment.IsSuccess)
            {
                refused++;
            }
            else
            {
                paid++;
                if (random.NextDouble() < 0.05)
                {
                    var back = Math.Max(1, amount / (random.Next(1, 3) * 2));
                    var refund = await SendAsync(new RefundPaymentCommand(merchant, payment.Value.PaymentId, back, $"merchant:{merchant}", $"seed-refund-{i}"), ct);
                    refunds += refund.IsSuccess ? 1 : 0;
                }
            }

            if (random.NextDouble() < 0.07)
            {
                var from = merchants[random.Next(merchants.Count)].Id;
                var to = merchants[random.Next(merchants.Count)].Id;
                var transfer = from == to ? null : await SendAsync(new TransferToMerchantCommand(from, to, random.Next(1, 20) * 100L, $"merchant:{from}", $"seed-transfer-{i}"), ct);
                transfers += transfer is { IsSuccess: true } ? 1 : 0;
            }

            flows.Increment(1);
        }

        return new DemoSummary(merchants.Count, residents.Count, paid, refunds, transfers, refused, signIns);
    }

    private async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"{result.Error.Title}: {result.Error.Detail}");
}
