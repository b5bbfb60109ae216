namespace Tsuyama.LocalCurrency.Domain;

/// <summary>How a program's units are allocated to applications.</summary>
public enum AllocationRule
{
    /// <summary>Applications are allocated in arrival order while units last; the rest wait.</summary>
    FirstCome = 0,

    /// <summary>Applications wait for an Admin's seeded lottery after the application window.</summary>
    Lottery = 1,
}

/// <summary>
/// How a program is sold (application window, allocation rule, payment deadline, premium budget)
/// and the counters that guard it. A program without this row sells at the counter only, first
/// come first served, during its sales window, with no premium cap.
/// </summary>
public sealed class ProgramSales
{
    public Guid ProgramId { get; init; }
    public AllocationRule Rule { get; set; }

    /// <summary>First and last day applications are accepted, inclusive, JST.</summary>
    public DateOnly ApplicationFrom { get; set; }
    public DateOnly ApplicationUntil { get; set; }

    /// <summary>Days a winner has to pay, counted from the day the units were allocated (JST).</summary>
    public int PaymentDays { get; set; }

    /// <summary>Points of premium (points issued minus yen paid) the city funds; null means no cap.</summary>
    public long? PremiumBudget { get; set; }

    /// <summary>Premium of confirmed, not cancelled purchases; raised only by a conditional update that cannot pass the budget.</summary>
    public long PremiumCommitted { get; set; }

    /// <summary>Units allocated to applications that are not paid yet; they are not for walk-in sale.</summary>
    public int UnitsReserved { get; set; }

    public DateTime? LotteryDrawnAt { get; set; }
}

public enum ApplicationStatus
{
    /// <summary>Waiting for the lottery.</summary>
    Pending = 0,

    /// <summary>Units allocated; to be paid by <see cref="SalesApplication.PayBy"/>.</summary>
    Won = 1,

    /// <summary>On the waiting list, in <see cref="SalesApplication.DrawPosition"/> (lottery) or arrival order.</summary>
    Waiting = 2,
    Paid = 3,

    /// <summary>Won but not paid by the deadline; its units went back to the pool.</summary>
    Lapsed = 4,
    Withdrawn = 5,

    /// <summary>Paid, then the purchase was cancelled and refunded.</summary>
    Cancelled = 6,
}

/// <summary>A resident's application for units of a program: one per resident and program. Never touches the ledger.</summary>
public sealed class SalesApplication
{
    public Guid Id { get; init; }
    public Guid ProgramId { get; init; }
    public Guid ResidentId { get; init; }
    public int Units { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime AppliedAt { get; set; }

    /// <summary>1-based place in the lottery's drawn order; null until drawn (and in first-come programs).</summary>
    public int? DrawPosition { get; set; }
    public DateTime? AllocatedAt { get; set; }

    /// <summary>Last day to pay, inclusive, JST.</summary>
    public DateOnly? PayBy { get; set; }
    public Guid? PurchaseId { get; set; }
}

/// <summary>The published record of a lottery: enough for anyone to re-run it (docs/decisions, sales ADR).</summary>
public sealed class LotteryDraw
{
    public Guid ProgramId { get; init; }
    public required string Seed { get; init; }
    public required string Algorithm { get; init; }
    public int UnitsOnSale { get; init; }
    public int Applications { get; init; }
    public int Winners { get; init; }
    public required string DrawnBy { get; init; }
    public DateTime DrawnAt { get; init; }
}

/// <summary>Counter staff checked a resident's identity and residence. No document number is stored.</summary>
public sealed class ResidentVerification
{
    public Guid ResidentId { get; init; }
    public required string Method { get; set; }
    public DateOnly CheckedOn { get; set; }
    public Guid CheckedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum PurchaseChannel
{
    Counter = 0,
    Provider = 1,
}

/// <summary>A payment provider's notification, kept by its event id so a replay is refused.</summary>
public sealed class ProviderEvent
{
    public required string EventId { get; init; }
    public Guid PurchaseId { get; init; }
    public DateTime ReceivedAt { get; init; }
}
