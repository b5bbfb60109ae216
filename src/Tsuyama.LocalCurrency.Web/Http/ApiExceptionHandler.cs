using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tsuyama.LocalCurrency.Common;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// The one place exceptions become problem details. A body the server cannot read is the
/// client's fault (400), never a 5xx; anything else is ours and says nothing internal.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, ProblemTypes.Validation,
                "リクエストを読み取れません / Malformed request", $"The JSON body is invalid: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, ProblemTypes.Validation, "リクエストを読み取れません / Malformed request", bad.Message),
            JsonException json => (400, ProblemTypes.Validation, "リクエストを読み取れません / Malformed request", $"The JSON body is invalid: {json.Message}"),
            _ when IsStorageFull(exception) => (503, ProblemTypes.StorageFull, "保存領域が不足しています / Storage full",
                "The ledger has no room to record this; nothing was changed. Retry later with the same Idempotency-Key."),
            _ => (500, ProblemTypes.ServerError, "サーバーエラー / Server error", "An unexpected error occurred; nothing was changed. Please try again."),
        };
        if (status >= 500)
        {
            LogUnhandled(exception, http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = status;
        if (status == 503)
        {
            http.Response.Headers.RetryAfter = "60";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Type = Problems.TypeUri(type), Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// SQLITE_FULL (13): the disk or the database's page limit is full. The transaction was rolled back
    /// as a whole, so the client may retry once space returns; it is not our bug, so not a 500.
    /// </summary>
    private static bool IsStorageFull(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
