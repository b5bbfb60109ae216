using System.Security.Claims;
using MediatR;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Sales;
using Tsuyama.LocalCurrency.Features.Sales.Apply;
using Tsuyama.LocalCurrency.Features.Sales.CancelPurchase;
using Tsuyama.LocalCurrency.Features.Sales.ChangeApplication;
using Tsuyama.LocalCurrency.Features.Sales.ConfirmApplicationPayment;
using Tsuyama.LocalCurrency.Features.Sales.GetLotteryResult;
using Tsuyama.LocalCurrency.Features.Sales.GetMyApplications;
using Tsuyama.LocalCurrency.Features.Sales.GetOpenSales;
using Tsuyama.LocalCurrency.Features.Sales.GetProgramApplications;
using Tsuyama.LocalCurrency.Features.Sales.GetSalesRules;
using Tsuyama.LocalCurrency.Features.Sales.ProviderCallback;
using Tsuyama.LocalCurrency.Features.Sales.RecordCounterSale;
using Tsuyama.LocalCurrency.Features.Sales.RunLottery;
using Tsuyama.LocalCurrency.Features.Sales.SetSalesRules;
using Tsuyama.LocalCurrency.Features.Sales.VerifyResident;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>
/// Voucher sales (README "Voucher sales"): verification, applications, lottery, payment
/// confirmation at a counter or from the provider, cancellation. Points are issued only by a
/// confirmed payment; a resident cannot issue any.
/// </summary>
internal static class SalesEndpoints
{
    public const string TimestampHeader = "X-Provider-Timestamp";
    public const string SignatureHeader = "X-Provider-Signature";

    public sealed record VerificationRequest(string? Method, DateOnly CheckedOn);

    public sealed record SalesRulesRequest(AllocationRule Rule, DateOnly ApplicationFrom, DateOnly ApplicationUntil, int PaymentDays, long? PremiumBudget);

    public sealed record ApplicationRequest(int Units);

    public sealed record LotteryRequest(string? Seed);

    public sealed record CounterPaymentRequest(long PaidYen, string? PaymentMethod, string? Note);

    public sealed record WalkInSaleRequest(Guid? ResidentId, string? ProgramCode, int Units, long PaidYen, string? PaymentMethod, string? Note);

    public sealed record CancellationRequest(string? Reason);

    public static RouteGroupBuilder MapSales(this RouteGroupBuilder api)
    {
        string[] counter = [Roles.Counter, Roles.Admin];

        api.MapPost("/residents/{id:guid}/verification", async (Guid id, VerificationRequest body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
                (await mediator.Send(new VerifyResidentCommand(id, body.Method ?? "", body.CheckedOn, user.UserId()), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(counter)).WithTags("Sales").ProducesProblem(422);

        api.MapPut("/programs/{code}/sales", async (string code, SalesRulesRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SetSalesRulesCommand(code, body.Rule, body.ApplicationFrom, body.ApplicationUntil, body.PaymentDays,
                    body.PremiumBudget), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Sales").ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/sales", async (IMediator mediator, CancellationToken ct) => (await mediator.Send(new GetOpenSalesQuery(), ct)).ToOk())
            .AllowAnonymous().WithTags("Sales").WithSummary("Voucher sales open for applications now or soon (JST)");

        api.MapGet("/programs/{code}/sales", async (string code, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSalesRulesQuery(code), ct)).ToOk())
            .AllowAnonymous().WithTags("Sales");

        api.MapGet("/programs/{code}/applications", async (string code, Guid? residentId, ApplicationStatus? status, IMediator mediator,
            CancellationToken ct) =>
                (await mediator.Send(new GetProgramApplicationsQuery(code, residentId, status), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(counter)).WithTags("Sales");

        api.MapPost("/programs/{code}/applications", async (string code, ApplicationRequest body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
                (await mediator.Send(new ApplyCommand(user.ResidentId(), code, body.Units), ct)).ToCreated(r => $"/api/v1/applications/{r.ApplicationId}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Sales").ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/applications", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetMyApplicationsQuery(user.ResidentId()), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Sales");

        api.MapPut("/applications/{id:guid}", async (Guid id, ApplicationRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ChangeApplicationCommand(user.ResidentId(), id, body.Units), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Sales").ProducesProblem(409).ProducesProblem(422);

        api.MapDelete("/applications/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new Features.Sales.WithdrawApplication.WithdrawApplicationCommand(user.ResidentId(), id), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Resident)).WithTags("Sales").ProducesProblem(409);

        api.MapPost("/programs/{code}/lottery", async (string code, LotteryRequest? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RunLotteryCommand(code, body?.Seed, user.Scope()), ct)).ToCreated(r => $"/api/v1/programs/{r.ProgramCode}/lottery"))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Sales").ProducesProblem(422);

        api.MapGet("/programs/{code}/lottery", async (string code, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetLotteryResultQuery(code), ct)).ToOk())
            .AllowAnonymous().WithTags("Sales");

        api.MapPost("/applications/{id:guid}/payments", async (Guid id, CounterPaymentRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                (await mediator.Send(new ConfirmApplicationPaymentCommand(id, body.PaidYen, body.PaymentMethod ?? "", body.Note, user.Scope(),
                    http.IdempotencyKey()), ct))
                    .ToCreated(r => $"/api/v1/purchases/{r.PurchaseId}"))
            .RequireAuthorization(p => p.RequireRole(counter)).RequiresIdempotencyKey().WithTags("Sales").ProducesProblem(422);

        api.MapPost("/purchases", async (WalkInSaleRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RecordCounterSaleCommand(body.ResidentId, body.ProgramCode ?? "", body.Units, body.PaidYen,
                    body.PaymentMethod ?? "", body.Note, user.Scope(), http.IdempotencyKey()), ct)).ToCreated(r => $"/api/v1/purchases/{r.PurchaseId}"))
            .RequireAuthorization(p => p.RequireRole(counter)).RequiresIdempotencyKey().WithTags("Sales").ProducesProblem(422);

        api.MapPost("/purchases/{id:guid}/cancellation", async (Guid id, CancellationRequest body, ClaimsPrincipal user, HttpContext http, IMediator mediator,
                    CancellationToken ct) =>
                (await mediator.Send(new CancelPurchaseCommand(id, body.Reason ?? "", user.Scope(), http.IdempotencyKey()), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(counter)).RequiresIdempotencyKey().WithTags("Sales").ProducesProblem(422);

        api.MapPost("/sales/provider-callback", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                // The signature covers the exact bytes sent, so the body is read raw, not bound.
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                var body = await reader.ReadToEndAsync(ct);
                return (await mediator.Send(new ProviderCallbackCommand(body, request.Headers[TimestampHeader].ToString(),
                    request.Headers[SignatureHeader].ToString()), ct)).ToOk();
            })
            .AllowAnonymous().WithTags("Sales").Accepts<ProviderNotification>("application/json")
            .WithDescription($"Signed by the payment provider: {SignatureHeader} = " +
                $"hex(HMAC-SHA256(Sales:ProviderSecret, \"{{{TimestampHeader}}}.{{body}}\")).").ProducesProblem(401).ProducesProblem(409).ProducesProblem(422);
        return api;
    }
}
