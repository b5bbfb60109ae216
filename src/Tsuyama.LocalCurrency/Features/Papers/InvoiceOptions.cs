using Microsoft.Extensions.Options;

namespace Tsuyama.LocalCurrency.Features.Papers;

/// <summary>
/// Bound from the <c>Invoice</c> configuration section: who issues the qualified invoices for the
/// redemption and transfer fees (the fees stay with the city). The defaults are demo values with a
/// valid check digit (the shape of a local government's corporate number); production sets the
/// city's real name and registration number.
/// </summary>
public sealed class InvoiceOptions
{
    public const string Section = "Invoice";

    /// <summary>適格請求書発行事業者の氏名又は名称.</summary>
    public string IssuerName { get; set; } = "津山市";

    /// <summary>登録番号, T + 13 digits.</summary>
    public string RegistrationNumber { get; set; } = "T5000020332038";

    /// <summary>Optional address or contact line printed under the issuer's name.</summary>
    public string? IssuerContact { get; set; } = "岡山県津山市山北520 津山市役所";
}

/// <summary>Runs at start-up (ValidateOnStart): an invalid registration number stops the host with one line.</summary>
internal sealed class InvoiceOptionsValidator : IValidateOptions<InvoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, InvoiceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.IssuerName))
        {
            return ValidateOptionsResult.Fail($"{InvoiceOptions.Section}:IssuerName is empty; a qualified invoice must name its issuer.");
        }

        return RegistrationNumber.Problem(options.RegistrationNumber) is { } problem
            ? ValidateOptionsResult.Fail($"{InvoiceOptions.Section}:RegistrationNumber {problem} (適格請求書発行事業者登録番号).")
            : ValidateOptionsResult.Success;
    }
}
