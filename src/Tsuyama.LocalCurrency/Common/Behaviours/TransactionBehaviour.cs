using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// One database transaction per command: committed on success, rolled back on a refusal or an
/// exception. On SQLite the transaction starts IMMEDIATE, so writers queue on the database lock
/// and a read inside the transaction cannot go stale before the write that depends on it.
/// <para>
/// On SQLite, <see cref="IGroupCommit"/> commands queued behind each other share one transaction (see
/// <see cref="WriteGate"/>): each runs in its own savepoint, and answers only after the shared commit.
/// </para>
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(LedgerDbContext db, TransactionState transactionState, WriteGate writeGate)
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
        if (request is IGroupCommit && writeGate.GroupsCommits)
        {
            return await InGroupAsync(next, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var writer = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = request is ISerializableCommand
                ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false)
                : await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            transactionState.Reset();
            try
            {
                var response = await next().ConfigureAwait(false);
                if (response is IUseCaseResult { IsSuccess: true } || transactionState.CommitDespiteFailure)
                {
                    // Whatever the handler and the idempotency record left tracked goes in one batch.
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    transactionState.Committed();
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
                    return Busy();
                }
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    private static TResponse Busy() => ResultFactory<TResponse>.Failure(new Error(ProblemTypes.Busy, "混み合っています / Busy, please retry",
        $"Other requests changed the same records {MaxAttempts} times in a row; nothing was changed. Retry the request.", 503));

    /// <summary>
    /// Runs the command as a member of a group commit and answers once the group's transaction committed. A refusal
    /// or an exception rolls back to the member's own savepoint, so the members before and after it keep their work;
    /// if the shared commit fails, every member of the group fails and none took effect.
    /// </summary>
    private async Task<TResponse> InGroupAsync(RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var group = await writeGate.JoinAsync(connectionString).ConfigureAwait(false);
        TResponse response;
        try
        {
            response = await RunMemberAsync(group, connectionString, next, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await writeGate.LeaveAsync(group).ConfigureAwait(false);
        }

        await group.Committed.ConfigureAwait(false);
        if (response is IUseCaseResult { IsSuccess: true } || transactionState.CommitDespiteFailure)
        {
            transactionState.Committed();
        }

        return response;
    }

    private async Task<TResponse> RunMemberAsync(CommitGroup group, string connectionString, RequestHandlerDelegate<TResponse> next,
        CancellationToken cancellationToken)
    {
        var facade = db.Database;
        // The pooled context borrows the group's connection and transaction for this command only.
        facade.SetDbConnection(group.Connection, contextOwnsConnection: false);
        await facade.UseTransactionAsync(group.Transaction, CancellationToken.None).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var savepoint = group.NextSavepoint();
                await group.Transaction.SaveAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                transactionState.Reset();
                try
                {
                    var response = await next().ConfigureAwait(false);
                    if (response is IUseCaseResult { IsSuccess: true } || transactionState.CommitDespiteFailure)
                    {
                        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                        await group.Transaction.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                    }
                    else
                    {
                        await UndoAsync(group, savepoint).ConfigureAwait(false);
                    }

                    return response;
                }
                catch (Exception ex) when (IsRetryable(ex))
                {
                    await UndoAsync(group, savepoint).ConfigureAwait(false);
                    if (attempt == MaxAttempts)
                    {
                        return Busy();
                    }
                }
                catch
                {
                    await UndoAsync(group, savepoint).ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            await facade.UseTransactionAsync(null, CancellationToken.None).ConfigureAwait(false);
            await facade.CloseConnectionAsync().ConfigureAwait(false);
            facade.SetDbConnection(new SqliteConnection(connectionString), contextOwnsConnection: true);
        }
    }

    /// <summary>Takes back this member's writes only; if even that fails, the group cannot commit.</summary>
    private async Task UndoAsync(CommitGroup group, string savepoint)
    {
        db.ChangeTracker.Clear();
        try
        {
            await group.Transaction.RollbackAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
            await group.Transaction.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            group.Doom(ex);
        }

        if (!group.TransactionIsOpen())
        {
            group.Doom(new InvalidOperationException("SQLite rolled the shared transaction back."));
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
        || (ex is DbUpdateException or System.Data.Common.DbException && RetryableDbFailure.IsUniqueViolation(ex))
        || RetryableDbFailure.IsDeadlock(ex);
}
