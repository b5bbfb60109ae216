using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>Marks an endpoint a user whose password must be changed may still call (change it, sign out).</summary>
internal sealed class AllowedBeforePasswordChange
{
    public static readonly AllowedBeforePasswordChange Instance = new();
}

internal static class PasswordChangeGate
{
    public static TBuilder AllowBeforePasswordChange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(AllowedBeforePasswordChange.Instance);

    /// <summary>
    /// A sign-in with a password someone else chose (Admin reset, bootstrap Admin in Production) may
    /// call only endpoints marked <see cref="AllowedBeforePasswordChange"/> and anonymous ones.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (context.User.PasswordChangeRequired()
            && endpoint?.Metadata.GetMetadata<AllowedBeforePasswordChange>() is null
            && endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
        {
            await Problems.From(new Error(ProblemTypes.PasswordChangeRequired, "パスワードを変更してください / Change your password",
                "This password was set for you: choose your own with POST /api/v1/auth/password first.", 403)).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
