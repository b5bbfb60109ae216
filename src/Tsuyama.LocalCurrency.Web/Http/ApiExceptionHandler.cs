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
            BadHttpRequestException { InnerException: JsonException json } => (400, ProblemTypes.Validation, "リクエストを読み取れません / Malformed request", $"The JSON body is invalid: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, ProblemTypes.Validation, "リクエストを読み取れません / Malformed request", bad.Message),
            JsonException json => (400, ProblemTypes.Validation, "リクエストを読み取れません / Malformed request", $"The JSON body is invalid: {json.Message}"),
            _ => (500, ProblemTypes.ServerError, "サーバーエラー / Server error", "An unexpected error occurred; nothing was changed. Please try again."),
        };
        if (status >= 500)
        {
            LogUnhandled(exception, http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Type = Problems.TypeUri(type), Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
