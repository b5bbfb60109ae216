using Hangfire.Logging;

namespace Tsuyama.LocalCurrency.Web.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide. When an earlier host in the same process has been
/// disposed (a restart, integration tests), its logger factory is gone: drop the message rather
/// than fail the job that logged it.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(loggerFactory, name);

    private sealed class HostLog(ILoggerFactory factory, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = factory.CreateLogger(name);
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
#pragma warning disable CA1848, CA2254 // Hangfire hands us finished messages; there is no template to cache.
                    logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static Microsoft.Extensions.Logging.LogLevel Map(Hangfire.Logging.LogLevel level) => level switch
        {
            Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
            Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
            Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
            Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
            Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
            _ => Microsoft.Extensions.Logging.LogLevel.Critical,
        };
    }
}
