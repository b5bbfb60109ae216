using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity.ChangePassword;
using Tsuyama.LocalCurrency.Features.Identity.ResetPassword;
using Tsuyama.LocalCurrency.Features.Identity.Sessions;
using Tsuyama.LocalCurrency.Features.Identity.SignIn;
using Tsuyama.LocalCurrency.Web.Hosting;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>Sign-in, refresh, sign-out and passwords (docs/decisions: sign-in lockout and tokens).</summary>
internal static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record SignOutRequest(bool Everywhere = false);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record ResetPasswordRequest(string? Email);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueTokenAsync)
            .AllowAnonymous().RequireRateLimiting(WebServices.SignInRateLimit)
                .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);

        auth.MapPost("/refresh", async (RefreshRequest body, IMediator mediator, BearerTokens tokens, CancellationToken ct) =>
                (await mediator.Send(new RefreshSessionCommand(body.RefreshToken), ct)).ToOk(r => tokens.Issue(r.User, r.Session)))
            .AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/sign-out", async (SignOutRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SignOutCommand(user.UserId(), user.SessionId(), body?.Everywhere ?? false), ct)).ToNoContent())
            .RequireAuthorization().AllowBeforePasswordChange();

        auth.MapPost("/password", async (ChangePasswordRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ChangePasswordCommand(user.UserId(), body.CurrentPassword, body.NewPassword), ct)).ToNoContent())
            .RequireAuthorization().AllowBeforePasswordChange().RequireRateLimiting(WebServices.SignInRateLimit);

        auth.MapPost("/password-resets", async (ResetPasswordRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ResetPasswordCommand(body.Email), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return api;
    }

    /// <summary>
    /// Wrong e-mail and wrong password give the same answer (and the same hashing work), so the
    /// endpoint does not tell which addresses are registered; a locked account is told until when.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ApiProblem>> IssueTokenAsync(
        TokenRequest body, IMediator mediator, BearerTokens tokens, CancellationToken ct)
    {
        var signedIn = await mediator.Send(new SignInCommand(body.Email, body.Password), ct);
        if (!signedIn.IsSuccess)
        {
            return Problems.From(signedIn.Error);
        }

        return (await mediator.Send(new StartSessionCommand(signedIn.Value.UserId), ct)).ToOk(session => tokens.Issue(signedIn.Value, session));
    }
}
