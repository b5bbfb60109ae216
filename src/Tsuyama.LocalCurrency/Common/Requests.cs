using MediatR;

namespace Tsuyama.LocalCurrency.Common;

/// <summary>A use case that reads only.</summary>
public interface IQuery<T> : IRequest<Result<T>>;

/// <summary>A use case that writes; it runs inside one database transaction.</summary>
public interface ICommand<T> : IRequest<Result<T>>, ITransactional;

public interface ITransactional;

/// <summary>
/// A command whose reads must not change under it before it commits (a settlement reads balances
/// as of a cutoff, then redeems them). SQLite's IMMEDIATE transactions are serializable already;
/// on SQL Server this asks for SERIALIZABLE isolation.
/// </summary>
public interface ISerializableCommand : ITransactional;

/// <summary>
/// A command whose first outcome is kept under (scope, key) and replayed for a retry. The key and
/// scope are not part of the request fingerprint.
/// </summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }

    /// <summary>Who the key belongs to (<see cref="IdempotencyScopes"/>): keys of different callers never collide.</summary>
    string IdempotencyScope { get; }
}

/// <summary>
/// A short, frequent command that may share its transaction with others queued behind the SQLite writer (group commit,
/// docs/decisions/0024-group-commit.md): it runs in its own savepoint, so its refusal or failure never touches
/// its neighbours, and it is answered only once the shared transaction has committed.
/// </summary>
public interface IGroupCommit : ITransactional;
