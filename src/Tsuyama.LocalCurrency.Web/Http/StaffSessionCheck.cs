using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

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
