namespace Tsuyama.LocalCurrency.Domain;

public sealed class Purchase
{
    public Guid Id { get; init; }
    public Guid ResidentId { get; init; }
    public Guid ProgramId { get; init; }
    public int Units { get; init; }
    public long PaidYen { get; init; }
    public long GeneralPoints { get; init; }
    public long SmallBusinessPoints { get; init; }
    public DateTime CreatedAt { get; init; }
}
