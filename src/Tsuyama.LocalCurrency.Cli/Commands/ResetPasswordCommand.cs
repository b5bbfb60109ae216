using System.CommandLine;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tsuyama.LocalCurrency.Cli.Infrastructure;

namespace Tsuyama.LocalCurrency.Cli.Commands;

/// <summary>
/// The same reset an Admin does over the API, for the operator: the way back in when the only
/// Admin forgot their password (the bootstrap Admin is created only once).
/// </summary>
internal static class ResetPasswordCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail address", Required = true };
        var command = new Command("reset-password", "Give a user a temporary password they must change at the next sign-in; ends their sessions") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(CommonOptions.Db));
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new Features.Identity.ResetPassword.ResetPasswordCommand(parse.GetValue(email)), ct);
            if (!result.IsSuccess)
            {
                return ResultOutput.Fail(result.Error);
            }

            ResultOutput.Ok($"Temporary password for {result.Value.Email}: {result.Value.TemporaryPassword} (to be changed at the next sign-in)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
