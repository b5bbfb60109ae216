using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Marks an endpoint a user whose password must be changed may still call (change it, sign out): as
/// an attribute on a page or handler, or with <see cref="PasswordChangeGate.AllowBeforePasswordChange{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class AllowedBeforePasswordChangeAttribute : Attribute
{
    public static readonly AllowedBeforePasswordChangeAttribute Instance = new();
}

internal static class PasswordChangeGate
{
    public static TBuilder AllowBeforePasswordChange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(AllowedBeforePasswordChangeAttribute.Instance);

    /// <summary>
    /// A sign-in with a password someone else chose (Admin reset, bootstrap Admin in Production) may
    /// call only endpoints marked <see cref="AllowedBeforePasswordChangeAttribute"/> and anonymous ones.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (context.User.PasswordChangeRequired()
            && endpoint?.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is null
            && endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
        {
            await Problems.From(new Error(ProblemTypes.PasswordChangeRequired, "パスワードを変更してください / Change your password",
                "This password was set for you: choose your own with POST /api/v1/auth/password first.", 403)).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
