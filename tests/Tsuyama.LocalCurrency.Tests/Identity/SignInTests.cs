using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Features.Identity.ChangePassword;
using Tsuyama.LocalCurrency.Features.Identity.CurrentUser;
using Tsuyama.LocalCurrency.Features.Identity.ResetPassword;
using Tsuyama.LocalCurrency.Features.Identity.Sessions;
using Tsuyama.LocalCurrency.Features.Identity.SignIn;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Staff.CreateStaffUser;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Identity;

public sealed class SignInTests
{
    private const string Password = "Correct2026pass";

    [Fact]
    public async Task SignIn_WithTheRightPassword_ReturnsTheUserWithRolesAndNoPasswordChange()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, email) = await ResidentAsync(host);

        var user = await host.MustAsync(new SignInCommand(email.ToUpperInvariant(), Password));

        user.UserId.Should().Be(id);
        user.Email.Should().Be(email);
        user.Roles.Should().Equal(Roles.Resident);
        user.MerchantId.Should().BeNull();
        user.PasswordChangeRequired.Should().BeFalse();
        user.SecurityStamp.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task SignIn_NoAccountLockout_FiveWrongPasswordsLockTheAccountFor15MinutesEvenWithTheRightOne()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (_, email) = await ResidentAsync(host);

        for (var i = 0; i < 4; i++)
        {
            (await host.SendAsync(new SignInCommand(email, "wrong-guess1"))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
        }

        var fifth = await host.SendAsync(new SignInCommand(email, "wrong-guess1"));
        fifth.Error!.Type.Should().Be(ProblemTypes.LockedOut);
        fifth.Error.Status.Should().Be(423);
        fifth.Error.RetryAfter.Should().Be(LedgerTestHost.Start.AddMinutes(15));
        fifth.Error.Detail.Should().Contain("2026-04-10 12:15").And.Contain("JST");

        (await host.SendAsync(new SignInCommand(email, Password))).Error!.Type.Should().Be(ProblemTypes.LockedOut);
        host.Clock.Advance(TimeSpan.FromMinutes(14));
        (await host.SendAsync(new SignInCommand(email, Password))).Error!.Type.Should().Be(ProblemTypes.LockedOut);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.SendAsync(new SignInCommand(email, Password))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task SignIn_ASuccessInBetween_ResetsTheFailureCount()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (_, email) = await ResidentAsync(host);
        for (var i = 0; i < 4; i++)
        {
            await host.SendAsync(new SignInCommand(email, "wrong-guess1"));
        }

        (await host.SendAsync(new SignInCommand(email, Password))).IsSuccess.Should().BeTrue();

        for (var i = 0; i < 4; i++)
        {
            (await host.SendAsync(new SignInCommand(email, "wrong-guess1"))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
        }
    }

    [Fact]
    public async Task SignIn_ParallelGuesses_CheckAtMostFivePasswordsBeforeTheLockout()
    {
        var hasher = new CountingHasher();
        await using var host = await LedgerTestHost.CreateAsync(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<LedgerUser>>(hasher)));
        var (_, email) = await ResidentAsync(host);
        hasher.Verifications = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.SendAsync(new SignInCommand(email, "wrong-guess1")))));

        hasher.Verifications.Should().BeLessThanOrEqualTo(5);
        results.Count(r => r.Error!.Type == ProblemTypes.LockedOut).Should().BeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task SignIn_WithAnUnknownEmail_GivesTheWrongPasswordAnswerAfterHashingADummyPassword()
    {
        var hasher = new CountingHasher();
        await using var host = await LedgerTestHost.CreateAsync(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<LedgerUser>>(hasher)));
        var (_, email) = await ResidentAsync(host);
        var wrongPassword = await host.SendAsync(new SignInCommand(email, "wrong-guess1"));
        hasher.Verifications = 0;

        var unknown = await host.SendAsync(new SignInCommand("nobody@example.jp", "wrong-guess1"));

        unknown.Error.Should().BeEquivalentTo(wrongPassword.Error, "an unknown address must not be told apart from a wrong password");
        hasher.Verifications.Should().Be(1, "the same password hashing work as for a real account");
    }

    [Fact]
    public async Task SignIn_WithoutEmailOrPassword_IsAValidationError()
    {
        await using var host = await LedgerTestHost.CreateAsync();

        var result = await host.SendAsync(new SignInCommand(" ", ""));

        result.Error!.Fields.Should().ContainKeys("email", "password");
    }

    [Fact]
    public async Task ChangePassword_WithTheWrongCurrentPassword_IsAFieldErrorOnCurrentPassword()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, _) = await ResidentAsync(host);

        var result = await host.SendAsync(new ChangePasswordCommand(id, "not-it-123", "NewPass2027"));

        result.Error!.Type.Should().Be(ProblemTypes.Validation);
        result.Error.Fields.Should().ContainKey("currentPassword").And.HaveCount(1);
    }

    [Fact]
    public async Task ChangePassword_WithAWeakOrUnchangedNewPassword_IsAFieldErrorOnNewPassword()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, _) = await ResidentAsync(host);

        (await host.SendAsync(new ChangePasswordCommand(id, Password, "short"))).Error!.Fields.Should().ContainKey("newPassword");
        (await host.SendAsync(new ChangePasswordCommand(id, Password, Password))).Error!.Fields.Should().ContainKey("newPassword");
    }

    [Fact]
    public async Task ChangePassword_ReplacesThePasswordEndsSessionsAndChangesTheSecurityStamp()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, email) = await ResidentAsync(host);
        var before = await host.MustAsync(new SignInCommand(email, Password));
        var session = await host.MustAsync(new StartSessionCommand(id));

        await host.MustAsync(new ChangePasswordCommand(id, Password, "NewPass2027"));

        (await host.SendAsync(new SignInCommand(email, Password))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
        (await host.MustAsync(new SignInCommand(email, "NewPass2027"))).SecurityStamp.Should().NotBe(before.SecurityStamp);
        (await host.SendAsync(new RefreshSessionCommand(session.RefreshToken))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
        (await host.SendAsync(new GetCurrentUserQuery(id, before.SecurityStamp))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
    }

    [Fact]
    public async Task ResetPassword_GivesATemporaryPasswordThatMustBeChangedAndLiftsALockout()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, email) = await ResidentAsync(host);
        for (var i = 0; i < 5; i++)
        {
            await host.SendAsync(new SignInCommand(email, "wrong-guess1"));
        }

        var reset = await host.MustAsync(new ResetPasswordCommand(email));

        reset.UserId.Should().Be(id);
        var user = await host.MustAsync(new SignInCommand(email, reset.TemporaryPassword));
        user.PasswordChangeRequired.Should().BeTrue();
        await host.MustAsync(new ChangePasswordCommand(id, reset.TemporaryPassword, "MyOwnPass2027"));
        (await host.MustAsync(new SignInCommand(email, "MyOwnPass2027"))).PasswordChangeRequired.Should().BeFalse();
    }

    [Fact]
    public async Task ResetPassword_ForAnUnknownEmail_IsNotFound()
    {
        await using var host = await LedgerTestHost.CreateAsync();

        (await host.SendAsync(new ResetPasswordCommand("nobody@example.jp"))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task CreateStaffUser_WithPasswordChangeRequired_SignsInWithTheFlag()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        await host.MustAsync(new CreateStaffUserCommand("boot@example.jp", Password, Roles.Admin, PasswordChangeRequired: true));

        (await host.MustAsync(new SignInCommand("boot@example.jp", Password))).PasswordChangeRequired.Should().BeTrue();
    }

    [Fact]
    public async Task RefreshSession_IssuesANewTokenOnce_AndAReusedTokenRevokesTheSession()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, _) = await ResidentAsync(host);
        var first = await host.MustAsync(new StartSessionCommand(id));

        var second = await host.MustAsync(new RefreshSessionCommand(first.RefreshToken));
        second.User.UserId.Should().Be(id);
        second.Session.SessionId.Should().Be(first.SessionId);

        (await host.SendAsync(new RefreshSessionCommand(first.RefreshToken))).Error!.Type.Should().Be(ProblemTypes.Unauthorized);
        (await host.SendAsync(new RefreshSessionCommand(second.Session.RefreshToken))).Error!.Type
            .Should().Be(ProblemTypes.Unauthorized, "the replaced token came back, so the whole session is revoked");
    }

    [Fact]
    public async Task RefreshSession_AfterSignOutOrExpiry_IsRefused()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, _) = await ResidentAsync(host);
        var signedOut = await host.MustAsync(new StartSessionCommand(id));
        var expiring = await host.MustAsync(new StartSessionCommand(id));

        (await host.MustAsync(new SignOutCommand(id, signedOut.SessionId, Everywhere: false))).SessionsEnded.Should().Be(1);

        (await host.SendAsync(new RefreshSessionCommand(signedOut.RefreshToken))).IsSuccess.Should().BeFalse();
        host.Clock.Advance(TimeSpan.FromDays(14));
        (await host.SendAsync(new RefreshSessionCommand(expiring.RefreshToken))).IsSuccess.Should().BeFalse();
        (await host.WithDbAsync(db => db.SignInSessions.CountAsync(s => s.TokenHash.Contains(signedOut.RefreshToken)))).Should().Be(0, "only hashes are kept");
    }

    [Fact]
    public async Task SignOut_Everywhere_EndsEverySessionAndChangesTheSecurityStamp()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, email) = await ResidentAsync(host);
        var before = await host.MustAsync(new SignInCommand(email, Password));
        var sessions = new[] { await host.MustAsync(new StartSessionCommand(id)), await host.MustAsync(new StartSessionCommand(id)) };

        (await host.MustAsync(new SignOutCommand(id, sessions[0].SessionId, Everywhere: true))).SessionsEnded.Should().Be(2);

        foreach (var session in sessions)
        {
            (await host.SendAsync(new RefreshSessionCommand(session.RefreshToken))).IsSuccess.Should().BeFalse();
        }

        (await host.SendAsync(new GetCurrentUserQuery(id, before.SecurityStamp))).IsSuccess.Should().BeFalse("cookie sign-ins end too");
    }

    [Fact]
    public async Task GetCurrentUser_WithASignedOutSession_IsRefusedThoughTheStampMatches()
    {
        await using var host = await LedgerTestHost.CreateAsync();
        var (id, email) = await ResidentAsync(host);
        var user = await host.MustAsync(new SignInCommand(email, Password));
        var session = await host.MustAsync(new StartSessionCommand(id));
        (await host.SendAsync(new GetCurrentUserQuery(id, user.SecurityStamp, session.SessionId))).IsSuccess.Should().BeTrue();

        await host.MustAsync(new SignOutCommand(id, session.SessionId, Everywhere: false));

        (await host.SendAsync(new GetCurrentUserQuery(id, user.SecurityStamp, session.SessionId))).IsSuccess.Should().BeFalse();
        (await host.SendAsync(new GetCurrentUserQuery(id, user.SecurityStamp))).IsSuccess.Should().BeTrue("only that session ended");
    }

    private static async Task<(Guid Id, string Email)> ResidentAsync(LedgerTestHost host)
    {
        var email = $"r{Guid.NewGuid():N}@example.jp";
        var registered = await host.MustAsync(new RegisterResidentCommand(email, Password, "住民"));
        return (registered.ResidentId, email);
    }

    private sealed class CountingHasher : IPasswordHasher<LedgerUser>
    {
        private readonly PasswordHasher<LedgerUser> _inner = new();
        private int _verifications;

        public int Verifications { get => _verifications; set => _verifications = value; }

        public string HashPassword(LedgerUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(LedgerUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
