namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>預金種目: the account type code written in the file.</summary>
public enum ZenginAccountType
{
    /// <summary>普通 (ordinary).</summary>
    Ordinary = 1,

    /// <summary>当座 (current).</summary>
    Current = 2,

    /// <summary>貯蓄 (savings).</summary>
    Savings = 4,

    /// <summary>その他 (other).</summary>
    Other = 9,
}
