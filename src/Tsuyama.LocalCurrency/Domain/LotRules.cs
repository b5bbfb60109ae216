using System.Linq.Expressions;
using System.Reflection;

namespace Tsuyama.LocalCurrency.Domain;

/// <summary>
/// DESIGN §4, written once: a lot can be spent on a day while it has points left and the day is not
/// past its last valid day (JST, inclusive); expiry takes the lots that still hold points but are no
/// longer valid. The rule is an expression so the SQL of the wallet, the payment's compiled read and
/// the expiry batch, and the in-memory spend plan all apply the same text.
/// </summary>
public static class LotRules
{
    private static readonly Expression<Func<long, bool>> HasPoints = remaining => remaining > 0;

    private static readonly Expression<Func<DateOnly, DateOnly, bool>> ValidOn = (expiresOn, day) => expiresOn >= day;

    private static readonly Expression<Func<long, DateOnly, DateOnly, bool>> Spendable = Compose(valid: true);

    private static readonly Expression<Func<long, DateOnly, DateOnly, bool>> Expired = Compose(valid: false);

    private static readonly Func<long, DateOnly, DateOnly, bool> SpendableNow = Spendable.Compile();

    private static readonly Func<long, DateOnly, DateOnly, bool> ExpiredNow = Expired.Compile();

    private static readonly MethodInfo IsSpendableMethod = typeof(LotRules).GetMethod(nameof(IsSpendable))!;

    private static readonly MethodInfo IsExpiredMethod = typeof(LotRules).GetMethod(nameof(IsExpired))!;

    /// <summary>In memory, or inside a query passed through <see cref="Inline{T}"/>.</summary>
    public static bool IsSpendable(long remaining, DateOnly expiresOn, DateOnly day) => SpendableNow(remaining, expiresOn, day);

    /// <summary>Holds points but its last valid day is before <paramref name="day"/>.</summary>
    public static bool IsExpired(long remaining, DateOnly expiresOn, DateOnly day) => ExpiredNow(remaining, expiresOn, day);

    public static Expression<Func<Lot, bool>> SpendableOn(DateOnly day) => OnLot(Spendable, day);

    public static Expression<Func<Lot, bool>> ExpiredOn(DateOnly day) => OnLot(Expired, day);

    /// <summary>
    /// Replaces calls to <see cref="IsSpendable"/> and <see cref="IsExpired"/> with the rule itself, for a
    /// query whose day is a parameter of the query (a compiled query), where no predicate can be built beforehand.
    /// </summary>
    public static Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)new RuleInliner().Visit(query);

    private static Expression<Func<long, DateOnly, DateOnly, bool>> Compose(bool valid)
    {
        var remaining = Expression.Parameter(typeof(long), "remaining");
        var expiresOn = Expression.Parameter(typeof(DateOnly), "expiresOn");
        var day = Expression.Parameter(typeof(DateOnly), "day");
        var validOn = Apply(ValidOn, expiresOn, day);
        return Expression.Lambda<Func<long, DateOnly, DateOnly, bool>>(
            Expression.AndAlso(Apply(HasPoints, remaining), valid ? validOn : Expression.Not(validOn)), remaining, expiresOn, day);
    }

    private static Expression<Func<Lot, bool>> OnLot(Expression<Func<long, DateOnly, DateOnly, bool>> rule, DateOnly day)
    {
        // A captured variable, not a constant, so EF sends the day as a parameter and reuses the plan.
        Expression<Func<DateOnly>> captured = () => day;
        var lot = Expression.Parameter(typeof(Lot), "lot");
        return Expression.Lambda<Func<Lot, bool>>(
            Apply(rule, Expression.Property(lot, nameof(Lot.Remaining)), Expression.Property(lot, nameof(Lot.ExpiresOn)), captured.Body), lot);
    }

    private static Expression Apply(LambdaExpression rule, params Expression[] arguments) =>
        new Substitution(rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(rule.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }

    private sealed class RuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == IsSpendableMethod ? Apply(Spendable, [.. node.Arguments.Select(Visit)!])
            : node.Method == IsExpiredMethod ? Apply(Expired, [.. node.Arguments.Select(Visit)!])
            : base.VisitMethodCall(node);
    }
}
