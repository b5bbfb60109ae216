using System.CommandLine;

namespace Tsuyama.LocalCurrency.Cli.Infrastructure;

internal static class CliRunner
{
    /// <summary>Turns any failure into a one-line message and a non-zero exit code, never a stack trace.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return ResultOutput.Fail("cancelled");
        }
        catch (Exception ex)
        {
            var inner = ex;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            return ResultOutput.Fail(inner == ex ? ex.Message : $"{ex.Message} ({inner.Message})");
        }
    }
}
