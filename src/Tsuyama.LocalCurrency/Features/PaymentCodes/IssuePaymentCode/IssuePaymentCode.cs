using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;
using Tsuyama.LocalCurrency.Qr;

namespace Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;

/// <summary>A resident shows a one-time code (QR or barcode) that a shop scans and charges once.</summary>
public sealed record IssuePaymentCodeCommand(Guid ResidentId) : ICommand<PaymentCodeIssued>;

public sealed record PaymentCodeIssued(string Code, string Payload, DateTimeOffset ExpiresAt);

internal sealed class IssuePaymentCodeHandler(LedgerDbContext db, TimeProvider clock, IOptions<LedgerOptions> options)
    : IRequestHandler<IssuePaymentCodeCommand, Result<PaymentCodeIssued>>
{
    public async Task<Result<PaymentCodeIssued>> Handle(IssuePaymentCodeCommand command, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(x => x.Id == command.ResidentId, ct).ConfigureAwait(false))
        {
            return Error.NotFound("Resident", command.ResidentId);
        }

        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.PaymentCodeLifetime;
        var code = PaymentCodeFormat.Generate();
        db.PaymentCodes.Add(new PaymentCode
        {
            CodeHash = PaymentCodeHash.Of(code),
            ResidentId = command.ResidentId,
            ExpiresAt = expiresAt.UtcDateTime,
            CreatedAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new PaymentCodeIssued(code, PaymentCodeFormat.ToQrPayload(code), expiresAt);
    }
}

internal static class PaymentCodeHash
{
    public static string Of(string code) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code)));
}
