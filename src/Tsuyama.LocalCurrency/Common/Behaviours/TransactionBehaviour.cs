using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// One database transaction per command: committed on success, rolled back on a refusal or an
/// exception. On SQLite the transaction starts IMMEDIATE, so writers queue on the database lock
/// and a read inside the transaction cannot go stale before the write that depends on it.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(LedgerDbContext db, UnitOfWork unitOfWork, WriteGate writeGate)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int MaxAttempts = 3;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactional || db.Database.CurrentTransaction is not null)
        {
            return await next().ConfigureAwait(false);
        }

        // The whole command is rolled back on failure, so EF's savepoint around each SaveChanges is a
        // wasted round trip. Set per command: a pooled context is reset to the default between uses.
        db.Database.AutoSavepointsEnabled = false;
        for (var attempt = 1; ; attempt++)
        {
            using var writer = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = request is ISerializableCommand
                ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false)
                : await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            unitOfWork.Reset();
            try
            {
                var response = await next().ConfigureAwait(false);
                if (response is IUseCaseResult { IsSuccess: true } || unitOfWork.CommitDespiteFailure)
                {
                    // Whatever the handler and the idempotency record left tracked goes in one batch.
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    unitOfWork.Committed();
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    db.ChangeTracker.Clear();
                }

                return response;
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                await RollBackAfterLostRaceAsync(transaction).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    // Still losing to other writers (several hosts, where the in-process write gate does
                    // not serialise): nothing was written, and the client may simply try again, key and all.
                    return ResultFactory<TResponse>.Failure(new Error(ProblemTypes.Busy, "混み合っています / Busy, please retry",
                        $"Other requests changed the same records {MaxAttempts} times in a row; nothing was changed. Retry the request.", 503));
                }
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    /// <summary>
    /// PostgreSQL reports a serialization failure at COMMIT as well, and a transaction whose COMMIT failed
    /// has already ended there: Npgsql then refuses the rollback, and nothing is left to undo.
    /// </summary>
    private static async Task RollBackAfterLostRaceAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>
    /// A lost race (another transaction changed a guarded row, inserted the same idempotency key
    /// first, or won a SQL Server deadlock) is safe to retry: the retry sees the winner's
    /// committed state.
    /// </summary>
    private static bool IsRetryable(Exception ex) =>
        ex is ConcurrencyConflictException
        || (ex is DbUpdateException { InnerException: not null } && RetryableDbFailure.IsUniqueViolation(ex))
        || RetryableDbFailure.IsDeadlock(ex);
}
