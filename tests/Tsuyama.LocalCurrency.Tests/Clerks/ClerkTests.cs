using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Clerks.AddClerk;
using Tsuyama.LocalCurrency.Features.Clerks.ListClerks;
using Tsuyama.LocalCurrency.Features.Clerks.RemoveClerk;
using Tsuyama.LocalCurrency.Features.Merchants.QuoteMerchantTransfer;
using Tsuyama.LocalCurrency.Features.Merchants.TransferToMerchant;
using Tsuyama.LocalCurrency.Features.PaymentCodes.ChargePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentCodes.IssuePaymentCode;
using Tsuyama.LocalCurrency.Features.PaymentRequests.CreatePaymentRequest;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Features.Payments.RefundPayment;
using Tsuyama.LocalCurrency.Features.Settlements.GetSettlementStatement;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Clerks;

/// <summary>The use cases refuse a clerk by themselves, whatever route or page sent the request.</summary>
public sealed class ClerkTests : IAsyncLifetime
{
    private readonly SwitchableActor _actor = new();
    private LedgerTestHost _host = null!;
    private Guid _resident;
    private Guid _shop;
    private Guid _payment;

    /// <summary>Acts as the operator until told to be a clerk.</summary>
    private sealed class SwitchableActor : ICurrentActor
    {
        public string[] Roles { get; set; } = [];

        public Actor? Current => Roles.Length == 0 ? null : new Actor(Guid.Empty, "clerk@test.example", Roles, null);
    }

    public async Task InitializeAsync()
    {
        _host = await LedgerTestHost.CreateAsync(s => s.Replace(ServiceDescriptor.Singleton<ICurrentActor>(_actor)));
        await _host.CreateProgramAsync();
        _resident = await _host.RegisterResidentAsync();
        _shop = await _host.RegisterMerchantAsync();
        await _host.BuyAsync(_resident);
        _payment = (await _host.MustAsync(new PayCommand(_resident, _shop, 5_000, PaymentChannel.StoreQr,
            IdempotencyScopes.User(_resident), _host.NextKey()))).PaymentId;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void ActAsClerk() => _actor.Roles = [Roles.Clerk];

    [Fact]
    public async Task Refund_ByAClerk_IsForbiddenAndChangesNothing()
    {
        ActAsClerk();

        var result = await _host.SendAsync(new RefundPaymentCommand(_shop, _payment, 1_000, "user:clerk", _host.NextKey()));

        result.Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await _host.WithDbAsync(db => db.Refunds.CountAsync())).Should().Be(0);
        (await _host.BalanceAsync(_shop)).Should().Be(5_000);
    }

    [Fact]
    public async Task SupplierPaymentAndItsQuote_ByAClerk_AreForbidden()
    {
        var supplier = await _host.RegisterMerchantAsync();
        ActAsClerk();

        (await _host.SendAsync(new TransferToMerchantCommand(_shop, supplier, 100, "user:clerk",
            _host.NextKey()))).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await _host.SendAsync(new QuoteMerchantTransferQuery(_shop, supplier, 100))).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await _host.BalanceAsync(supplier)).Should().Be(0);
    }

    [Fact]
    public async Task SettlementStatement_ByAClerk_IsForbidden()
    {
        ActAsClerk();

        (await _host.SendAsync(new GetSettlementStatementQuery(Guid.NewGuid(), _shop, StatementFormat.Html))).Error!.Type.Should().Be(ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task ChargeAndPaymentRequest_ByAClerk_Succeed()
    {
        var code = await _host.MustAsync(new IssuePaymentCodeCommand(_resident));
        ActAsClerk();

        await _host.MustAsync(new ChargePaymentCodeCommand(_shop, code.Code, 700, "user:clerk", _host.NextKey()));
        await _host.MustAsync(new CreatePaymentRequestCommand(_shop, 300));

        (await _host.BalanceAsync(_shop)).Should().Be(5_700);
    }

    [Fact]
    public async Task AddClerk_CreatesAClerkSignInForTheShop_ListsAndRemovesIt_AndAClerkCannotAddOne()
    {
        var added = await _host.MustAsync(new AddClerkCommand(_shop, "till@example.jp", "TillPass123"));

        var user = await _host.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == added.UserId));
        var roles = await _host.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == added.UserId).Select(r => r.RoleId).ToListAsync());
        user.MerchantId.Should().Be(_shop);
        roles.Should().Equal(Roles.Ids[Roles.Clerk]);
        (await _host.MustAsync(new ListClerksQuery(_shop))).Should().ContainSingle().Which.Email.Should().Be("till@example.jp");
        (await _host.MustAsync(new ListClerksQuery(await _host.RegisterMerchantAsync()))).Should().BeEmpty();

        ActAsClerk();
        (await _host.SendAsync(new AddClerkCommand(_shop, "other@example.jp", "TillPass123"))).Error!.Type.Should().Be(ProblemTypes.Forbidden);
        (await _host.SendAsync(new RemoveClerkCommand(_shop, added.UserId))).Error!.Type.Should().Be(ProblemTypes.Forbidden);

        _actor.Roles = [Roles.Merchant];
        await _host.MustAsync(new RemoveClerkCommand(_shop, added.UserId));
        (await _host.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == added.UserId))).Should().BeFalse();
    }
}
