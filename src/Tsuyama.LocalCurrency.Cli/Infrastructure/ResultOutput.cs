using Spectre.Console;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Cli.Infrastructure;

internal static class ResultOutput
{
    /// <summary>Prints a refusal the way an operator needs to read it and gives the failing exit code.</summary>
    public static int Fail(Error error)
    {
        Console.Error.WriteLine($"error: {error.Title}: {error.Detail}");
        return ExitCodes.Failed;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Failed;
    }

    public static void Ok(string message) => AnsiConsole.MarkupLine($"[green]{Markup.Escape(message)}[/]");
}
