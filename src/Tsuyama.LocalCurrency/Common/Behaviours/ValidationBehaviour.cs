using MediatR;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>
/// Runs every validator of the request; an invalid request never reaches a transaction, unless its
/// idempotency key was already used: then the idempotency behaviour answers (the first outcome, or
/// a conflict for another body), because a retry must not be judged by rules that changed since.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators, LedgerDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            validator.Validate(request, errors);
        }

        if (!errors.Any)
        {
            return await next().ConfigureAwait(false);
        }

        // Looked up only for an invalid request, so valid ones pay nothing for it. A key recorded
        // after this read belongs to a request that was still running, not to a first outcome.
        if (request is IIdempotentCommand { IdempotencyKey: { Length: > 0 } key } command
            && await PaymentPathQueries.IdempotencyRecord(db, command.IdempotencyScope, key).ConfigureAwait(false) is not null)
        {
            return await next().ConfigureAwait(false);
        }

        return ResultFactory<TResponse>.Failure(errors.ToError());
    }
}
