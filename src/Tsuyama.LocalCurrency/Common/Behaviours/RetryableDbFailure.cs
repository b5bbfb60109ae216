using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

internal static class RetryableDbFailure
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerDeadlockVictim = 1205;

    /// <summary>
    /// A unique key was already taken: thrown by the provider itself (a plain INSERT, see RowInserts) or wrapped in
    /// EF's DbUpdateException (SaveChanges).
    /// </summary>
    public static bool IsUniqueViolation(Exception ex) => IsUniqueViolationItself(ex) || (ex.InnerException is { } inner && IsUniqueViolationItself(inner));

    private static bool IsUniqueViolationItself(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The server rolled this transaction back to break a deadlock (SQL Server, PostgreSQL) or because a
    /// serializable transaction could not be ordered with a concurrent one (PostgreSQL); it can run again.
    /// </summary>
    public static bool IsDeadlock(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SqlException { Number: SqlServerDeadlockVictim }
                || e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }
}
