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

/// <summary>
/// Staff (Admin, Chamber) bearer tokens are checked against their session and security stamp on
/// every request, so signing out or changing the password ends them at once; their requests are
/// few and worth most. Residents' and merchants' tokens are bounded by their short lifetime only
/// (docs/decisions/0008).
/// </summary>
internal static class StaffSessionCheck
{
    public static IApplicationBuilder UseStaffSessionCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.SessionId() is { } session && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Chamber)))
        {
            var mediator = context.RequestServices.GetRequiredService<MediatR.IMediator>();
            var current = await mediator.Send(new Features.Identity.CurrentUser.GetCurrentUserQuery(user.UserId(), user.SecurityStamp(), session),
                context.RequestAborted);
            if (!current.IsSuccess)
            {
                await Problems.From(current.Error).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });
}
