using System.Diagnostics.CodeAnalysis;

namespace Tsuyama.LocalCurrency.Common;

/// <summary>Lets pipeline behaviours inspect any result without knowing its value type.</summary>
public interface IUseCaseResult
{
    bool IsSuccess { get; }
    Error? Error { get; }
    object? BoxedValue { get; }
}

/// <summary>
/// The outcome of a use case: a value, or an <see cref="Common.Error"/> the rules produced. Rule
/// failures are values, not exceptions, so they can be recorded for idempotent replay.
/// </summary>
public sealed class Result<T> : IUseCaseResult
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    object? IUseCaseResult.BoxedValue => Value;

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>Builds a failed <c>Result&lt;T&gt;</c> when only the closed response type is known.</summary>
internal static class ResultFactory<TResponse>
{
    private static readonly Func<Error, TResponse> Fail = CreateFail();
    private static readonly Func<object?, TResponse> Succeed = CreateSucceed();

    public static TResponse Failure(Error error) => Fail(error);
    public static TResponse Success(object? value) => Succeed(value);
    public static readonly Type ValueType = typeof(TResponse).GetGenericArguments()[0];

    private static Func<Error, TResponse> CreateFail()
    {
        var method = typeof(TResponse).GetMethod("Failure")
            ?? throw new InvalidOperationException($"{typeof(TResponse)} is not a Result<T>.");
        return error => (TResponse)method.Invoke(null, [error])!;
    }

    private static Func<object?, TResponse> CreateSucceed()
    {
        var method = typeof(TResponse).GetMethod("Success")
            ?? throw new InvalidOperationException($"{typeof(TResponse)} is not a Result<T>.");
        return value => (TResponse)method.Invoke(null, [value])!;
    }
}
