using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.CorrectPayout;
using Tsuyama.LocalCurrency.Features.Merchants.GetMerchantQr;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Programs.CreateProgram;
using Tsuyama.LocalCurrency.Features.Residents.RegisterResident;
using Tsuyama.LocalCurrency.Features.Staff.CreateStaffUser;
using Tsuyama.LocalCurrency.Web.Http;

namespace Tsuyama.LocalCurrency.Web.Endpoints;

/// <summary>Residents, merchants, programs and staff: who takes part.</summary>
internal static class PartyEndpoints
{
    public sealed record RegisterResidentRequest(string? Email, string? Password, string? DisplayName);

    public sealed record RegisterMerchantRequest(string Name, string NameKana, string NameRomaji, string Category, MerchantSize Size,
        string PostalCode, string OwnerEmail, string OwnerPassword, PayoutDetails Payout);

    /// <summary>The QR's text for a client that draws the code itself (<c>?format=payload</c>).</summary>
    public sealed record QrPayload(string Payload);

    public sealed record CreateStaffRequest(string Email, string Password, string Role);

    public static RouteGroupBuilder MapParties(this RouteGroupBuilder api)
    {
        api.MapPost("/residents", async (RegisterResidentRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RegisterResidentCommand(body.Email ?? "", body.Password ?? "", body.DisplayName ?? ""), ct))
                    .ToCreated(r => $"/api/v1/residents/{r.ResidentId}"))
            .AllowAnonymous().WithTags("Residents").ProducesProblem(409);

        api.MapPost("/merchants", async (RegisterMerchantRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RegisterMerchantCommand(body.Name, body.NameKana, body.NameRomaji, body.Category, body.Size,
                    body.PostalCode, body.OwnerEmail, body.OwnerPassword ?? "", body.Payout), ct))
                    .ToCreated(r => $"/api/v1/merchants/{r.MerchantId}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Merchants").ProducesProblem(409);

        api.MapPut("/merchants/{id:guid}/payout", async (Guid id, PayoutDetails body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CorrectPayoutCommand(id, body), ct)).ToOk())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Merchants");

        api.MapGet("/merchants/{id:guid}/qr", async Task<Results<Ok<QrPayload>, FileContentHttpResult, ApiProblem>> (Guid id, string? format,
                IMediator mediator, CancellationToken ct) =>
            {
                QrImageFormat? kind = format?.ToLowerInvariant() switch
                {
                    null or "" or "png" => QrImageFormat.Png,
                    "svg" => QrImageFormat.Svg,
                    "payload" => QrImageFormat.Payload,
                    _ => null,
                };
                if (kind is null)
                {
                    return Problems.Validation("format", "must be png, svg or payload");
                }

                var result = await mediator.Send(new GetMerchantQrQuery(id, kind.Value), ct);
                return !result.IsSuccess ? Problems.From(result.Error)
                    : kind == QrImageFormat.Payload ? TypedResults.Ok(new QrPayload(result.Value.Payload))
                    : TypedResults.File(result.Value.Content, result.Value.ContentType);
            })
            .AllowAnonymous().WithTags("Merchants").Produces(200, contentType: "image/png");

        api.MapGet("/merchants/{id:guid}/sticker", async (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetMerchantQrQuery(id, QrImageFormat.Sticker), ct) is { IsSuccess: true } r
                    ? TypedResults.Content(System.Text.Encoding.UTF8.GetString(r.Value.Content), "text/html; charset=utf-8")
                    : (Results<ContentHttpResult, ApiProblem>)Problems.From(Error.NotFound("Merchant", id)))
            .AllowAnonymous().WithTags("Merchants").Produces(200, contentType: "text/html");

        api.MapPost("/programs", async (CreateProgramCommand body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(body, ct)).ToCreated(r => $"/api/v1/programs/{r.Code}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Programs").ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/staff", async (CreateStaffRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CreateStaffUserCommand(body.Email, body.Password, body.Role), ct)).ToCreated())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Staff").ProducesProblem(409);
        return api;
    }
}
