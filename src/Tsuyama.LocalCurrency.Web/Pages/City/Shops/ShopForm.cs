using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Web.Pages.City.Shops;

/// <summary>The inputs of the shop forms, and where a use case's field names land on them.</summary>
public static class ShopForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Name",
        ["nameKana"] = "NameKana",
        ["nameRomaji"] = "NameRomaji",
        ["category"] = "Category",
        ["size"] = "Size",
        ["postalCode"] = "PostalCode",
        ["ownerEmail"] = "OwnerEmail",
        ["email"] = "OwnerEmail",
        ["password"] = "OwnerPassword",
        ["email-taken"] = "OwnerEmail",
        ["conflict"] = "OwnerEmail",
        ["payout"] = "HolderKana",
        ["payout.bankCode"] = "BankCode",
        ["payout.branchCode"] = "BranchCode",
        ["payout.accountType"] = "AccountType",
        ["payout.accountNumber"] = "AccountNumber",
        ["payout.holderKana"] = "HolderKana",
    };

    public static readonly BankAccountType[] AccountTypes = [BankAccountType.Ordinary, BankAccountType.Current, BankAccountType.Savings, BankAccountType.Other];
}
