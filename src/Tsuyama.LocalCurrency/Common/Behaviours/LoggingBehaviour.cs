using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is IUseCaseResult { IsSuccess: false, Error: { } error })
            {
                LogRefused(typeof(TRequest).Name, error.Type, error.Detail, elapsed);
            }
            else
            {
                LogHandled(typeof(TRequest).Name, elapsed);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} refused ({ProblemType}: {Detail}) in {ElapsedMs:F1} ms")]
    private partial void LogRefused(string request, string problemType, string detail, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} failed after {ElapsedMs:F1} ms")]
    private partial void LogFailed(Exception exception, string request, double elapsedMs);
}
