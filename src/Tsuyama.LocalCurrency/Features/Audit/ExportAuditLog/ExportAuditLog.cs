using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Audit.GetAuditLog;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Features.Settlements;
using Tsuyama.LocalCurrency.Persistence;

namespace Tsuyama.LocalCurrency.Features.Audit.ExportAuditLog;

/// <summary>The filtered audit log as a CSV file (UTF-8 with BOM, so Excel reads the Japanese), newest first.</summary>
public sealed record ExportAuditLogQuery(AuditFilter Filter) : IQuery<SettlementFile>;

internal sealed class ExportAuditLogValidator : IValidator<ExportAuditLogQuery>
{
    public void Validate(ExportAuditLogQuery r, ValidationErrors e) => AuditLog.ValidateFilter(r.Filter, e);
}

internal sealed class ExportAuditLogHandler(LedgerDbContext db, TimeProvider clock, ICurrentActor actor)
    : IRequestHandler<ExportAuditLogQuery, Result<SettlementFile>>
{
    public async Task<Result<SettlementFile>> Handle(ExportAuditLogQuery query, CancellationToken ct)
    {
        if (CityDesk.AdminOnly(actor, "export the audit log") is { } denied)
        {
            return denied;
        }

        var csv = new SpreadsheetCsv();
        csv.Line("occurredAt", "userId", "email", "role", "action", "recordId", "remoteAddress", "outcome", "problemType", "details");
        await foreach (var e in AuditLog.Newest(AuditLog.Filtered(db, query.Filter)).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            csv.Line(e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), e.UserId.ToString(), e.Email, e.Role,
                e.Action, e.RecordId ?? "", e.RemoteAddress ?? "", e.Outcome, e.ProblemType ?? "", e.Details);
        }

        var name = $"audit-{clock.GetUtcNow().ToOffset(JapanTime.Offset):yyyyMMdd-HHmmss}.csv";
        return new SettlementFile(name, "text/csv; charset=utf-8", csv.ToBytes());
    }
}
