namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>
/// The clock seed-demo gives the core while it replays past days. It only moves forward, so
/// version-7 ids, the journal's sequence and every timestamp stay in the order things happened.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        if (utc > _now)
        {
            _now = utc;
        }
    }
}
