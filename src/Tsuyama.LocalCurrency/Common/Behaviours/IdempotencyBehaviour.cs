using System.Security.Cryptography;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Same key + same request replays the first outcome (success or refusal) with no second effect;
/// same key + another request is a conflict. The record is inserted in the command's own
/// transaction under a unique key, so two racing duplicates cannot both take effect: the loser's
/// insert fails, its transaction rolls back, and its retry replays the winner's outcome.
/// </summary>
internal sealed class IdempotencyBehaviour<TRequest, TResponse>(LedgerDbContext db, TransactionState transactionState, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string Savepoint = "before_command";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { Length: > 0 } key } command)
        {
            return await next().ConfigureAwait(false);
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Idempotent commands must run inside the transaction behaviour.");
        var requestName = typeof(TRequest).Name;
        var fingerprint = IdempotencyFingerprint.Of(request);

        var first = await PaymentPathQueries.IdempotencyRecord(db, command.IdempotencyScope, key).ConfigureAwait(false);
        if (first is not null)
        {
            return first.RequestName == requestName && first.RequestHash == fingerprint
                ? Replay(first)
                : ResultFactory<TResponse>.Failure(new Error(ProblemTypes.IdempotencyConflict,
                    "Idempotency-Key が別の要求に使われています / Idempotency key reused",
                    $"The key '{key}' was already used for a different request.", 409));
        }

        await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        var response = await next().ConfigureAwait(false);
        var result = (IUseCaseResult)response!;
        if (!result.IsSuccess)
        {
            // The refusal is the outcome to remember; whatever the handler wrote before refusing is not.
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            transactionState.DiscardAfterCommit();
            transactionState.CommitDespiteFailure = true;
        }

        await RowInserts.IdempotencyRecordAsync(db, new IdempotencyRecord
        {
            Scope = command.IdempotencyScope,
            Key = key,
            RequestName = requestName,
            RequestHash = fingerprint,
            Succeeded = result.IsSuccess,
            OutcomeJson = result.IsSuccess
                ? JsonSerializer.Serialize(result.BoxedValue, ResultFactory<TResponse>.ValueType, IdempotencyFingerprint.Json)
                : JsonSerializer.Serialize(result.Error, IdempotencyFingerprint.Json),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken).ConfigureAwait(false);

        // Written now, in the command's transaction; the command's tracked changes follow with the transaction behaviour's SaveChanges.
        return response;
    }

    private static TResponse Replay(IdempotencyRecord record) => record.Succeeded
        ? ResultFactory<TResponse>.Success(JsonSerializer.Deserialize(record.OutcomeJson, ResultFactory<TResponse>.ValueType, IdempotencyFingerprint.Json))
        : ResultFactory<TResponse>.Failure(JsonSerializer.Deserialize<Error>(record.OutcomeJson, IdempotencyFingerprint.Json)!);
}

internal static class IdempotencyFingerprint
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key and its scope are excluded: they say who asked, not what was asked.</summary>
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (info.Properties[i].Name is "idempotencyKey" or "idempotencyScope")
                        {
                            info.Properties.RemoveAt(i);
                        }
                    }
                },
            },
        },
    };

    public static string Of<TRequest>(TRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, request!.GetType(), FingerprintJson)));
}
