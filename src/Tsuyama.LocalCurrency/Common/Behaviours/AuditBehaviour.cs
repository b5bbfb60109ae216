using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Appends an <see cref="AuditEntry"/> for every command a staff member (Admin, Counter, Chamber)
/// sends, in the command's own transaction: a done action and its entry commit together. A refusal
/// normally rolls the transaction back, which would take its entry with it, so the command runs
/// after a savepoint: on a refusal its writes are rolled back to it and the entry alone is committed
/// (the idempotency behaviour, inside this one, may already have done so for its own record).
/// </summary>
internal sealed class AuditBehaviour<TRequest, TResponse>(LedgerDbContext db, TransactionState transactionState, ICurrentActor actor, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string Savepoint = "before_audited_command";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactional || actor.Current is not { IsStaff: true } staff || db.Database.CurrentTransaction is not { } transaction)
        {
            return await next().ConfigureAwait(false);
        }

        await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        var response = await next().ConfigureAwait(false);
        var result = (IUseCaseResult)response!;
        if (!result.IsSuccess && !transactionState.CommitDespiteFailure)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            transactionState.CommitDespiteFailure = true;
        }

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now.UtcDateTime,
            UserId = staff.UserId,
            Email = staff.Email,
            Role = staff.StaffRole,
            Action = typeof(TRequest).Name,
            RecordId = AuditRecord.IdOf(result.BoxedValue, staff.UserId) ?? AuditRecord.IdOf(request, staff.UserId),
            RemoteAddress = staff.RemoteAddress,
            Outcome = result.IsSuccess ? AuditEntry.Succeeded : AuditEntry.Refused,
            ProblemType = result.Error?.Type,
            Details = AuditRecord.Redacted(request),
        });

        // Saved with the command's own changes by the transaction behaviour, in the same batch.
        return response;
    }
}

internal static class AuditRecord
{
    private const int MaxDetails = 4000;
    private const string RedactedValue = "[redacted]";

    /// <summary>Property names that carry a secret; their values never reach the audit log.</summary>
    private static readonly string[] SecretNames = ["password", "secret", "token", "credential", "apikey", "privatekey"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Redact } },
    };

    public static bool IsSecret(string propertyName)
    {
        var name = propertyName.Replace("_", "", StringComparison.Ordinal);
        return SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
    }

    public static string Redacted(object request)
    {
        var json = JsonSerializer.Serialize(request, request.GetType(), Json);
        return json.Length <= MaxDetails ? json : json[..(MaxDetails - 1)] + "…";
    }

    /// <summary>The first Guid property named *Id that is not the actor's own id, as "Name=value".</summary>
    public static string? IdOf(object? value, Guid actorId)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name.EndsWith("Id", StringComparison.Ordinal) && property.GetIndexParameters().Length == 0
                && property.GetValue(value) is Guid id && id != Guid.Empty && id != actorId)
            {
                return $"{property.Name}={id}";
            }
        }

        return null;
    }

    private static void Redact(JsonTypeInfo info)
    {
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (!IsSecret(property.Name))
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.Get = _ => RedactedValue;
            }
            else
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
