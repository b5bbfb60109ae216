using System.Reflection;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Tests.Common;

public sealed class ProblemTypesTests
{
    private static readonly string[] Catalogue = typeof(ProblemTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Catalogue_GivesEveryMeaningItsOwnKebabCaseType()
    {
        Catalogue.Should().OnlyHaveUniqueItems();
        Catalogue.Should().OnlyContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^[a-z]+(-[a-z]+)*$"));
    }

    [Fact]
    public void Errors_MadeByTheCommonFactories_UseCatalogueTypes()
    {
        Error[] errors =
        [
            Error.Validation("f", "m"), Error.NotFound("x", 1), Error.Forbidden("d"), Error.Conflict("d"),
            Error.InsufficientBalance(1, 2), Error.LimitExceeded("d"), Error.NotEligible("d"),
            Error.SignInFailed(), Error.LockedOut(DateTimeOffset.UnixEpoch),
        ];

        errors.Select(e => e.Type).Should().BeSubsetOf(Catalogue);
    }
}
