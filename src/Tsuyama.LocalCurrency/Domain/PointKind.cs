namespace Tsuyama.LocalCurrency.Domain;

/// <summary>共通券 (usable everywhere) or 専用券 (small and mid-size shops only).</summary>
public enum PointKind
{
    General = 0,
    SmallBusiness = 1,
}
