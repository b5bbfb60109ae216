using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Expiry.ExpirePoints;
using Tsuyama.LocalCurrency.Features.Integrity.Verify;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.PayByQr;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Features.Settlements.RunSettlement;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.Reliability.Tests.Support;
using Tsuyama.LocalCurrency.TestDatabases;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Model;

/// <summary>
/// Runs one sequence against the real use cases and the model side by side, and after every step
/// compares outcomes, balances, lots and refunded amounts. Concurrent steps are accepted if some
/// order of them explains both the answers and the state; duplicates must replay.
/// </summary>
public sealed class LedgerSequence : IAsyncDisposable
{
    /// <summary>Points are bought at the counter (the only way besides grants); staff record the yen.</summary>
    private const long UnitPriceYen = 10_000;

    private static readonly Guid CounterStaff = new("0193a000-0000-7000-8000-00000000c0de");

    private readonly CoreHost _host;
    private LedgerModel _model;
    private readonly Guid[] _residents;
    private readonly Guid[] _merchants;
    private readonly VoucherProgramIds[] _programs;
    private int _keys;

    private LedgerSequence(CoreHost host, LedgerModel model, Guid[] residents, Guid[] merchants, VoucherProgramIds[] programs)
    {
        (_host, _model, _residents, _merchants, _programs) = (host, model, residents, merchants, programs);
    }

    public int Steps { get; private set; }
    public int Submissions { get; private set; }

    private static readonly Lazy<Task<Setup>> Prepared_ = new(CreateSetupAsync);

    /// <summary>Starts from a copy of one ledger holding the programs, residents and merchants.</summary>
    public static async Task<LedgerSequence> StartAsync()
    {
        var setup = await Prepared_.Value;
        var host = await CoreHost.CreateAsync(setup.Path);
        host.Clock.Advance(setup.Elapsed);
        return new LedgerSequence(host, new LedgerModel(setup.Programs, setup.Large, host.Today), setup.Residents, setup.Merchants, setup.ProgramIds);
    }

    private static async Task<Setup> CreateSetupAsync()
    {
        await using var host = await CoreHost.CreateAsync();
        var today = host.Today;
        ModelProgram[] programs =
        [
            new("PA", 6_000, 7_000, today.AddDays(-10), today.AddDays(2), today.AddDays(3), true, 50, 150, 6),
            new("PB", 3_000, 4_000, today.AddDays(-10), today.AddDays(30), today.AddDays(180), false, 0, 100, 6),
        ];
        var ids = new List<VoucherProgramIds>();
        foreach (var p in programs)
        {
            await host.MustAsync(new CreateProgramCommand(p.Code, $"Program {p.Code}", 10_000, new PointsPerUnit(p.General, p.SmallBusiness), 1_000_000,
                p.MaxUnitsPerResident, p.SalesFrom, p.SalesUntil, p.ExpiresOn, p.RedemptionFeeBps, p.AllowTransfers, p.TransferFeeBps));
            ids.Add(await host.WithDbAsync(db => db.Programs.Where(x => x.Code == p.Code)
                .Select(x => new VoucherProgramIds(x.Id, x.RedeemedAccountId, x.ExpiredAccountId)).SingleAsync()));
            host.Clock.Advance(TimeSpan.FromSeconds(1)); // "oldest program first" needs distinct creation times
        }

        var residents = new Guid[3];
        for (var i = 0; i < residents.Length; i++)
        {
            residents[i] = (await host.MustAsync(new RegisterResidentCommand($"r{i}@example.jp", null, "住民"))).ResidentId;
            await host.MustAsync(new VerifyResidentCommand(residents[i], "my-number-card", host.Today, CounterStaff));
        }

        bool[] large = [false, false, true];
        var merchants = new Guid[3];
        for (var i = 0; i < merchants.Length; i++)
        {
            merchants[i] = (await host.MustAsync(new RegisterMerchantCommand("テスト商店", "テストショウテン", "Test Shop", "5411",
                large[i] ? MerchantSize.Large : MerchantSize.Small, "7080000", $"m{i}@example.jp", null,
                TestLedger.Payout("テストショウテン")))).MerchantId;
        }

        var path = Path.Combine(Path.GetTempPath(), "tlc-reliability", $"model-{Guid.NewGuid():N}.db");
        await host.SaveAsAsync(path);
        return new Setup(path, host.Clock.GetUtcNow() - CoreHost.Start, programs, large, residents, merchants, [.. ids]);
    }

    public async Task RunAsync(IReadOnlyList<Op> ops)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            try
            {
                await StepAsync(ops[i]);
            }
            catch (Exception e) when (e is not ModelMismatchException)
            {
                throw new ModelMismatchException($"step {i} ({ops[i]}) threw: {e}");
            }
            catch (ModelMismatchException e)
            {
                throw new ModelMismatchException($"step {i} ({ops[i]}): {e.Message}");
            }
        }

        var report = await _host.MustAsync(new VerifyLedgerQuery());
        if (report.Problems.Count > 0)
        {
            throw new ModelMismatchException("verify: " + string.Join("; ", report.Problems));
        }
    }

    private async Task StepAsync(Op op)
    {
        Steps++;
        if (op is NextDay)
        {
            _host.Clock.Advance(TimeSpan.FromDays(1));
            _model.NextDay();
            return;
        }

        // Expiry takes no idempotency key (a second run simply finds nothing left), so each
        // submission of it is its own step.
        var steps = (op is Concurrently c ? c.Steps : [op]).Select(s => s is Expire e ? e with { } : s).ToArray();
        // A step listed twice is the same submission: same key, same prepared payment.
        var distinct = steps.Distinct(ReferenceEqualityComparer.Instance).Cast<Op>().Where(s => s is not NextDay and not Concurrently).ToList();
        var prepared = new Dictionary<Op, Prepared>(ReferenceEqualityComparer.Instance);
        foreach (var s in distinct)
        {
            if (await PrepareAsync(s) is { } ready)
            {
                prepared[s] = ready;
            }
        }

        var runnable = steps.Where(prepared.ContainsKey).ToList();
        if (runnable.Count == 0)
        {
            return;
        }

        var real = await Task.WhenAll(runnable.Select(s => Task.Run(() => SubmitAsync(prepared[s]))));
        Submissions += real.Length;
        var outcomes = new Dictionary<Op, Submitted>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < runnable.Count; i++)
        {
            if (outcomes.TryGetValue(runnable[i], out var first) && first.Outcome != real[i].Outcome)
            {
                throw new ModelMismatchException($"a duplicate submission answered \"{real[i].Outcome}\" after \"{first.Outcome}\"");
            }

            outcomes.TryAdd(runnable[i], real[i]);
        }

        var unique = runnable.Distinct(ReferenceEqualityComparer.Instance).Cast<Op>().ToList();
        var state = await ReadStateAsync();
        var tried = new List<string>();
        foreach (var order in Permutations(unique))
        {
            var model = _model.Clone();
            var answers = order.Select(s => (Step: s, Answer: Apply(model, prepared[s]))).ToList();
            var explained = answers.All(a => a.Answer.Outcome == outcomes[a.Step].Outcome);
            var difference = explained ? Compare(model, state) : null;
            if (explained && difference is null)
            {
                foreach (var (step, answer) in answers)
                {
                    if (answer.Payment is { } payment)
                    {
                        payment.RealId = outcomes[step].PaymentId!.Value;
                    }
                }

                _model = model;
                return;
            }

            tried.Add($"order [{string.Join(", ", order.Select(s => s.GetType().Name))}]: "
                + $"model said [{string.Join(" | ", answers.Select(a => a.Answer.Outcome))}]"
                + (difference is null ? "" : $", state differs: {difference}"));
        }

        throw new ModelMismatchException(
            $"real answers [{string.Join(" | ", unique.Select(s => outcomes[s].Outcome))}] match no order: {string.Join("; ", tried)}");
    }

    /// <summary>
    /// Picks what a step needs before it runs: the payment to refund, the shop's payment request or
    /// the resident's one-time code (so a duplicate is the very same request); null skips the step.
    /// </summary>
    private async Task<Prepared?> PrepareAsync(Op op)
    {
        var key = $"k{Interlocked.Increment(ref _keys)}";
        switch (op)
        {
            case RefundOp when _model.Payments.Count == 0:
                return null;
            case RefundOp r:
                {
                    var index = r.Payment % _model.Payments.Count;
                    return new Prepared(op, key, index, _model.Payments[index].RealId, null, null);
                }

            case Pay { Channel: Channel.DynamicQr } pay:
                {
                    var request = await _host.SendAsync(new CreatePaymentRequestCommand(_merchants[pay.Merchant], pay.Amount));
                    return new Prepared(op, key, -1, Guid.Empty, request.IsSuccess ? request.Value!.Payload : null, request.Error?.Type);
                }

            case Pay { Channel: Channel.Code } pay:
                {
                    var issued = await _host.MustAsync(new IssuePaymentCodeCommand(_residents[pay.Resident]));
                    return new Prepared(op, key, -1, Guid.Empty, issued.Code, null);
                }

            default:
                return new Prepared(op, key, -1, Guid.Empty, null, null);
        }
    }

    private async Task<Submitted> SubmitAsync(Prepared p)
    {
        var first = await SubmitOnceAsync(p);
        if (!p.Op.Twice)
        {
            return first;
        }

        var again = await SubmitOnceAsync(p);
        Submissions++;
        if (p.Op is Expire && first.Outcome.StartsWith("ok", StringComparison.Ordinal))
        {
            return again.Outcome == "ok 0" ? first : throw new ModelMismatchException($"a second expiry run answered \"{again.Outcome}\"");
        }

        if (again.Outcome != first.Outcome || again.PaymentId != first.PaymentId)
        {
            throw new ModelMismatchException($"the same key answered \"{again.Outcome}\" after \"{first.Outcome}\"");
        }

        return first;
    }

    private async Task<Submitted> SubmitOnceAsync(Prepared p)
    {
        switch (p.Op)
        {
            case Buy b:
                {
                    var result = await _host.SendAsync(new RecordCounterSaleCommand(
                        _residents[b.Resident],
                        _model.Programs[b.Program].Code,
                        b.Units,
                        b.Units * UnitPriceYen,
                        "cash",
                        null,
                        IdempotencyScopes.User(CounterStaff),
                        p.Key));
                    return new(Outcome(result, v => $"ok {v.Points.General}/{v.Points.SmallBusiness}"), null);
                }

            case Pay pay:
                {
                    if (p.Refused is { } refused)
                    {
                        return new(refused, null);
                    }

                    var result = await PayAsync(pay, p);
                    return new(
                        Outcome(
                            result,
                            v => $"ok {v.Amount} [{LedgerModel.PaymentParts(v.Breakdown.Select(x => (ProgramIndex(x.ProgramCode), x.Kind, x.Points)))}]"),
                        result.IsSuccess ? result.Value!.PaymentId : null);
                }

            case RefundOp r:
                {
                    var payment = _model.Payments[p.PaymentIndex];
                    var merchant = _merchants[r.Stranger ? (payment.Merchant + 1) % 3 : payment.Merchant];
                    var result = await _host.SendAsync(new RefundPaymentCommand(merchant, p.PaymentId, r.Amount, IdempotencyScopes.Merchant(merchant), p.Key));
                    return new(Outcome(result, v => $"ok {v.Amount}"), null);
                }

            case TransferOp t:
                {
                    var from = _merchants[t.From];
                    var result = await _host.SendAsync(new TransferToMerchantCommand(from, _merchants[t.To], t.Amount,
                        IdempotencyScopes.Merchant(from), p.Key));
                    return new(Outcome(result, v => $"ok {v.Amount} fee {v.Fee}"), null);
                }

            case Settle s:
                {
                    var result = await _host.SendAsync(new RunSettlementCommand(_host.Today.AddDays(-s.DaysBack), "admin:model", p.Key));
                    return new(Outcome(result, v => $"ok {v.MerchantCount} {v.Points} {v.FeeYen}"), null);
                }

            case Expire e:
                {
                    var result = await _host.SendAsync(new ExpirePointsCommand(_host.Today.AddDays(e.DaysAhead)));
                    return new(Outcome(result, v => $"ok {v.Points}"), null);
                }

            default:
                throw new InvalidOperationException($"Unknown step {p.Op}");
        }
    }

    private async Task<Result<PaymentMade>> PayAsync(Pay pay, Prepared p)
    {
        var (resident, merchant) = (_residents[pay.Resident], _merchants[pay.Merchant]);
        switch (pay.Channel)
        {
            case Channel.StoreQr:
                var code = MerchantQrBuilder.BuildStoreCode(new MerchantQrInfo(merchant, "Test Shop", "テスト商店", "5411", "7080000"));
                return await _host.SendAsync(new PayByQrCommand(resident, code, pay.Amount, IdempotencyScopes.User(resident), p.Key));
            case Channel.DynamicQr:
                return await _host.SendAsync(new PayByQrCommand(resident, p.Payload!, null, IdempotencyScopes.User(resident), p.Key));
            default:
                return await _host.SendAsync(new ChargePaymentCodeCommand(merchant, p.Payload!, pay.Amount, IdempotencyScopes.Merchant(merchant), p.Key));
        }
    }

    private static (string Outcome, ModelPayment? Payment) Apply(LedgerModel model, Prepared p) => p.Op switch
    {
        Buy b => (model.Buy(b.Resident, b.Program, b.Units), null),
        Pay pay => model.Pay(pay.Resident, pay.Merchant, pay.Amount),
        RefundOp r => (model.Refund(p.PaymentIndex, r.Amount, r.Stranger), null),
        TransferOp t => (model.Transfer(t.From, t.To, t.Amount), null),
        Settle s => (model.Settle(model.Today.AddDays(-s.DaysBack)), null),
        Expire e => (model.Expire(model.Today.AddDays(e.DaysAhead)), null),
        _ => throw new InvalidOperationException($"Unknown step {p.Op}"),
    };

    private static string Outcome<T>(Result<T> result, Func<T, string> ok) => result.IsSuccess ? ok(result.Value!) : result.Error!.Type;

    private int ProgramIndex(string code) => code == _model.Programs[0].Code ? 0 : 1;

    private async Task<LedgerState> ReadStateAsync() => await _host.WithDbAsync(async db => new LedgerState(
        await db.Balances.AsNoTracking().ToDictionaryAsync(b => (b.AccountId, b.ProgramId, b.Kind), b => b.Amount),
        (await db.Lots.AsNoTracking()
                .GroupBy(l => new { l.ResidentId, l.ProgramId, l.Kind })
                .Select(g => new { g.Key, Sum = g.Sum(l => l.Remaining) })
                .ToListAsync())
            .ToDictionary(x => (x.Key.ResidentId, x.Key.ProgramId, x.Key.Kind), x => x.Sum),
        await db.Payments.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.RefundedAmount)));

    /// <returns>Null when the database holds exactly what the model says, else the first difference.</returns>
    private string? Compare(LedgerModel model, LedgerState state)
    {
        for (var p = 0; p < _programs.Length; p++)
        {
            var program = _programs[p];
            foreach (var k in LedgerModel.Kinds)
            {
                for (var r = 0; r < _residents.Length; r++)
                {
                    var expected = model.Residents.GetValueOrDefault((r, p, k));
                    var balance = state.Balances.GetValueOrDefault((_residents[r], program.Id, k));
                    var lots = state.Lots.GetValueOrDefault((_residents[r], program.Id, k));
                    if (balance != expected || lots != expected)
                    {
                        return $"resident {r} P{p}.{k}: model {expected}, balance {balance}, lots {lots}";
                    }
                }

                for (var m = 0; m < _merchants.Length; m++)
                {
                    var expected = model.Merchants.GetValueOrDefault((m, p, k));
                    var balance = state.Balances.GetValueOrDefault((_merchants[m], program.Id, k));
                    if (balance != expected)
                    {
                        return $"merchant {m} P{p}.{k}: model {expected}, balance {balance}";
                    }
                }
            }

            var redeemed = LedgerModel.Kinds.Sum(k => state.Balances.GetValueOrDefault((program.RedeemedAccountId, program.Id, k)));
            var expired = LedgerModel.Kinds.Sum(k => state.Balances.GetValueOrDefault((program.ExpiredAccountId, program.Id, k)));
            if (redeemed != model.Redeemed[p] || expired != model.Expired[p])
            {
                return $"P{p}: redeemed {redeemed} (model {model.Redeemed[p]}), expired {expired} (model {model.Expired[p]})";
            }
        }

        if (state.Refunded.Count != model.Payments.Count)
        {
            return $"{state.Refunded.Count} payments stored, model has {model.Payments.Count}";
        }

        foreach (var payment in model.Payments.Where(x => x.RealId != Guid.Empty))
        {
            if (state.Refunded.GetValueOrDefault(payment.RealId) != payment.Refunded)
            {
                return $"payment {payment.RealId}: refunded {state.Refunded.GetValueOrDefault(payment.RealId)}, model {payment.Refunded}";
            }
        }

        return null;
    }

    private static IEnumerable<List<Op>> Permutations(List<Op> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <param name="Payload">The dynamic QR payload or the presented code.</param>
    /// <param name="Refused">The problem type when preparing already failed (a payment request for an invalid amount).</param>
    private sealed record Prepared(Op Op, string Key, int PaymentIndex, Guid PaymentId, string? Payload, string? Refused);

    private sealed record Submitted(string Outcome, Guid? PaymentId);

    private sealed record Setup(
        string Path,
        TimeSpan Elapsed,
        ModelProgram[] Programs,
        bool[] Large,
        Guid[] Residents,
        Guid[] Merchants,
        VoucherProgramIds[] ProgramIds);

    private sealed record VoucherProgramIds(Guid Id, Guid RedeemedAccountId, Guid ExpiredAccountId);

    private sealed record LedgerState(
        Dictionary<(Guid, Guid, PointKind), long> Balances,
        Dictionary<(Guid, Guid, PointKind), long> Lots,
        Dictionary<Guid, long> Refunded);
}

public sealed class ModelMismatchException(string message) : Exception(message);
