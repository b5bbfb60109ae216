namespace Tsuyama.LocalCurrency.Domain;

public enum AccountType
{
    /// <summary>Per program; its balance is minus the points outstanding.</summary>
    Issuer = 0,
    Resident = 1,
    Merchant = 2,
    /// <summary>Per program; points merchants turned into yen.</summary>
    Redeemed = 3,
    /// <summary>Per program; breakage at expiry.</summary>
    Expired = 4,
}
