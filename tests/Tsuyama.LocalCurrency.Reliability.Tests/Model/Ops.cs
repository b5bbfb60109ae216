using CsCheck;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Model;

/// <summary>One step of a sequence. Parties are indexes (resident 0–2, merchant 0–2: 0 and 1 small, 2 large).</summary>
public abstract record Op
{
    /// <summary>Sent twice with the same idempotency key (the second must replay the first).</summary>
    public bool Twice { get; init; }
}

public sealed record Buy(int Resident, int Program, int Units) : Op;

public enum Channel
{
    StoreQr,
    DynamicQr,
    Code,
}

public sealed record Pay(int Resident, int Merchant, long Amount, Channel Channel) : Op;

/// <summary>Refunds the <see cref="Payment"/>-th payment made so far (modulo their count); by another merchant when <see cref="Stranger"/>.</summary>
public sealed record RefundOp(int Payment, long Amount, bool Stranger) : Op;

public sealed record TransferOp(int From, int To, long Amount) : Op;

/// <summary>Settles the cutoff <see cref="DaysBack"/> days before today (0: today, refused).</summary>
public sealed record Settle(int DaysBack) : Op;

/// <summary>Expires as of today plus <see cref="DaysAhead"/> (1: tomorrow, refused).</summary>
public sealed record Expire(int DaysAhead) : Op;

public sealed record NextDay : Op;

/// <summary>Steps sent at the same time; a step listed twice is one submission duplicated concurrently.</summary>
public sealed record Concurrently(Op[] Steps) : Op;

public static class OpGen
{
    private static readonly Gen<long> Amount =
        Gen.OneOf(Gen.Long[1, 15_000], Gen.Long[1, 15_000], Gen.Long[1, 15_000], Gen.Long[1, 200], Gen.OneOf<long>(0, -1, 1_000_001));

    private static readonly Gen<Op> Buy =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.OneOf(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 7]), (r, p, u) => (Op)new Buy(r, p, u));
    private static readonly Gen<Op> Pay = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Amount, Gen.Enum<Channel>(), (r, m, a, c) => (Op)new Pay(r, m, a, c));
    private static readonly Gen<Op> Refund =
        Gen.Select(Gen.Int[0, 50], Gen.OneOf(Gen.Long[1, 3_000], Amount), Gen.Int[0, 9], (p, a, s) => (Op)new RefundOp(p, a, s == 0));
    private static readonly Gen<Op> Transfer = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Amount, (f, t, a) => (Op)new TransferOp(f, t, a));
    private static readonly Gen<Op> Settle = Gen.Int[0, 2].Select(d => (Op)new Settle(d));
    private static readonly Gen<Op> Expire = Gen.OneOf(Gen.Const(0), Gen.Const(0), Gen.Const(1)).Select(d => (Op)new Expire(d));

    private static readonly Gen<Op> Single = Gen.OneOf(Buy, Buy, Pay, Pay, Pay, Pay, Refund, Refund, Transfer, Settle, Expire);

    private static readonly Gen<Op> Simple = Gen.Select(Single, Gen.Int[0, 7], (op, twice) => op with { Twice = twice == 0 });

    /// <summary>Two or three steps at once, sometimes one of them submitted twice concurrently.</summary>
    private static readonly Gen<Op> Together = Gen.Select(Single.Array[2, 3], Gen.Bool, (steps, dup) =>
        (Op)new Concurrently(dup ? [.. steps, steps[0]] : steps));

    public static readonly Gen<Op> Step = Gen.OneOf(Simple, Simple, Simple, Simple, Simple, Simple, Together, Gen.Const((Op)new NextDay()));

    public static readonly Gen<Op[]> Sequence = Step.Array[4, 14];

    public static string Describe(Op[] ops) => string.Join(Environment.NewLine, ops.Select((o, i) => $"{i,3}: {Describe(o)}"));

    private static string Describe(Op op) => op switch
    {
        Concurrently c => "together { " + string.Join("; ", c.Steps.Select(Describe)) + " }",
        _ => op.ToString(),
    };
}
