using MediatR;

namespace Tsuyama.LocalCurrency.Common.Behaviours;

/// <summary>Runs every validator of the request; an invalid request never reaches a transaction.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new ValidationErrors();
        foreach (var validator in validators)
        {
            validator.Validate(request, errors);
        }

        return errors.Any ? Task.FromResult(ResultFactory<TResponse>.Failure(errors.ToError())) : next();
    }
}
