using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Staff (Admin, Counter, Chamber) sign-ins are checked against the user as they are now on every
/// request: a bearer token against its session and security stamp, a console cookie against the
/// security stamp. Signing out, a password change or reset, or deactivation (DeactivateStaffUser)
/// ends them at once; their requests are few and worth most. Residents' and merchants' tokens are
/// bounded by their short lifetime only (docs/decisions/0008).
/// </summary>
internal static class StaffSessionCheck
{
    public static IApplicationBuilder UseStaffSessionCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var staff = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Counter) || user.IsInRole(Roles.Chamber);
        var session = user.SessionId();
        var cookie = user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme;
        if (staff && (session is not null || cookie))
        {
            var mediator = context.RequestServices.GetRequiredService<MediatR.IMediator>();
            var current = await mediator.Send(new Features.Identity.CurrentUser.GetCurrentUserQuery(user.UserId(), user.SecurityStamp(), session),
                context.RequestAborted);
            if (!current.IsSuccess)
            {
                if (cookie && !context.Request.Path.StartsWithSegments("/api"))
                {
                    // A page: drop the stale cookie and send the browser to the sign-in page, as for any ended sign-in.
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                    context.Response.Redirect("/signin");
                    return;
                }

                await Problems.From(current.Error).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });
}
