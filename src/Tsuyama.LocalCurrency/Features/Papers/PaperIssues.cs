using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Papers;

public enum PaperFormat
{
    Html = 0,
    Csv = 1,
}

/// <summary>
/// Who asks for a paper: the city office (Admin) may read any shop's, a shop only its own.
/// <paramref name="Name"/> is recorded as the issuer of a first issue.
/// </summary>
public sealed record PaperReader(bool IsCityOffice, Guid? MerchantId, string Name)
{
    public static PaperReader CityOffice(string name) => new(true, null, name);

    public static PaperReader Shop(Guid merchantId, string name) => new(false, merchantId, name);

    /// <summary>
    /// The one access rule of every paper and of the shop's settlements: the city office reads any shop's, the
    /// owner only their own, a clerk none (the shop's money, not the till's). Not-found comes after it, so ids of
    /// other shops' papers are not probed.
    /// </summary>
    public Error? Refuse(Guid merchantId, ICurrentActor actor)
    {
        if (IsCityOffice)
        {
            return null;
        }

        return ShopStaff.OwnerOnly(actor, "see settlements and tax papers")
            ?? (MerchantId == merchantId ? null : Error.Forbidden("A shop can read only its own papers."));
    }
}

internal static class PaperReaderValidation
{
    /// <summary>Every paper names who reads it (shop or city office) for the issue record.</summary>
    public static ValidationErrors Reader(this ValidationErrors e, PaperReader? reader) =>
        e.Require(reader is not null, "reader", "is required").NotBlank(reader?.Name, "reader.name", 80);
}

/// <summary>An issue record and whether this copy is a reissue (再発行) of it.</summary>
internal sealed record IssuedPaper(PaperIssue Issue, bool Reissue)
{
    public DateOnly IssuedOn => JapanTime.DateOf(new DateTimeOffset(Issue.IssuedAt, TimeSpan.Zero));
}

internal static class PaperIssues
{
    /// <summary>
    /// The existing issue of (kind, shop, subject), or a new one numbered {prefix}{year}-{n:000000}.
    /// Runs inside the command's transaction; a concurrent first issue loses on the unique index and
    /// the retried command finds the winner's record, so a paper has exactly one number.
    /// </summary>
    public static async Task<IssuedPaper> GetOrIssueAsync(LedgerDbContext db, TimeProvider clock, InvoiceOptions issuer,
        PaperKind kind, Guid merchantId, string subject, string issuedBy, CancellationToken ct)
    {
        var existing = await db.Set<PaperIssue>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Kind == kind && p.MerchantId == merchantId && p.Subject == subject, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return new IssuedPaper(existing, Reissue: true);
        }

        var now = clock.GetUtcNow();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Prefix(kind)}{JapanTime.DateOf(now).Year}-");
        var count = await db.Set<PaperIssue>().CountAsync(p => p.Number.StartsWith(prefix), ct).ConfigureAwait(false);
        var issue = new PaperIssue
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            MerchantId = merchantId,
            Subject = subject,
            Number = string.Create(CultureInfo.InvariantCulture, $"{prefix}{count + 1:000000}"),
            IssuedAt = now.UtcDateTime,
            IssuedBy = issuedBy,
            IssuerName = issuer.IssuerName,
            RegistrationNumber = issuer.RegistrationNumber,
        };
        db.Set<PaperIssue>().Add(issue);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new IssuedPaper(issue, Reissue: false);
    }

    private static string Prefix(PaperKind kind) => kind switch
    {
        PaperKind.RedemptionInvoice => "R",
        PaperKind.TransferFeeInvoice => "M",
        PaperKind.PaymentNotice => "N",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
