using Microsoft.EntityFrameworkCore;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;
using Tsuyama.LocalCurrency.Features.Merchants.RegisterMerchant;
using Tsuyama.LocalCurrency.Features.Payments.PayByStoreNumber;
using Tsuyama.LocalCurrency.Features.Stores;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByNumber;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreByQr;
using Tsuyama.LocalCurrency.Features.Stores.GetStoreDirectory;
using Tsuyama.LocalCurrency.Qr;
using Tsuyama.LocalCurrency.TestDatabases;
using Tsuyama.LocalCurrency.Tests.Support;

namespace Tsuyama.LocalCurrency.Tests.Stores;

public sealed class StoreDirectoryTests : IAsyncLifetime
{
    private LedgerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LedgerTestHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<MerchantRegistered> ShopAsync(string name, string kana, string category = "5462", MerchantSize size = MerchantSize.Small) =>
        await _host.MustAsync(new RegisterMerchantCommand(name, kana, "Shop", category, size, "7080000", $"m{Guid.NewGuid():N}@example.jp", null,
            TestLedger.Payout("テスト")));

    [Fact]
    public void StoreNumber_Generated_IsWellFormedAndEveryOneDigitTypoIsRefused()
    {
        for (var i = 0; i < 200; i++)
        {
            var number = StoreNumber.Generate();
            StoreNumber.IsWellFormed(number).Should().BeTrue(number);
            for (var position = 0; position < number.Length; position++)
            {
                foreach (var digit in "0123456789".Where(d => d != number[position]))
                {
                    var typo = number[..position] + digit + number[(position + 1)..];
                    StoreNumber.IsWellFormed(typo).Should().BeFalse($"{typo} is a one-digit typo of {number}");
                }
            }
        }
    }

    [Fact]
    public void StoreNumber_Normalize_AcceptsFullWidthDigitsSpacesAndHyphens() =>
        StoreNumber.Normalize("１２３-４５ ６").Should().Be("123456");

    [Fact]
    public async Task RegisterMerchant_AssignsDistinctWellFormedStoreNumbers()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add((await ShopAsync($"店{i}", $"ミセ{i}")).StoreNumber);
        }

        numbers.Should().OnlyHaveUniqueItems().And.OnlyContain(n => StoreNumber.IsWellFormed(n));
    }

    [Fact]
    public async Task GetStoreByNumber_ResolvesTheShopWithItsCategoryLabelAndSmallBusinessAcceptance()
    {
        var bakery = await ShopAsync("城下町ベーカリー", "ジョウカマチベーカリー");
        var large = await ShopAsync("津山百貨店", "ツヤマヒャッカテン", "5311", MerchantSize.Large);

        var found = await _host.MustAsync(new GetStoreByNumberQuery(bakery.StoreNumber));
        var big = await _host.MustAsync(new GetStoreByNumberQuery(large.StoreNumber));

        found.Should().BeEquivalentTo(
            new { bakery.MerchantId, Name = "城下町ベーカリー", Category = "5462", CategoryJa = "パン・菓子店", AcceptsSmallBusiness = true });
        big.AcceptsSmallBusiness.Should().BeFalse();
        big.CategoryJa.Should().Be("百貨店");
    }

    [Fact]
    public async Task GetStoreByNumber_WithATypo_IsAValidationErrorAndAnUnknownNumberIsNotFound()
    {
        var shop = await ShopAsync("店", "ミセ");
        var typo = shop.StoreNumber[..5] + (char)('0' + ((shop.StoreNumber[5] - '0' + 1) % 10));
        string unused;
        do
        {
            unused = StoreNumber.Generate();
        }
        while (unused == shop.StoreNumber);

        (await _host.SendAsync(new GetStoreByNumberQuery(typo))).Error!.Type.Should().Be(ProblemTypes.Validation);
        (await _host.SendAsync(new GetStoreByNumberQuery(unused))).Error!.Type.Should().Be(ProblemTypes.NotFound);
    }

    [Fact]
    public async Task GetStoreByQr_NamesTheRegisteredShop_NotTheNamePrintedInTheCode()
    {
        var bakery = await ShopAsync("城下町ベーカリー", "ジョウカマチベーカリー");
        // Anyone can print a code with any name in it; the keypad must show whom the points really go to.
        var code = MerchantQrBuilder.BuildStoreCode(new MerchantQrInfo(bakery.MerchantId, "Fake Shop", "偽のお店", "5462", "7080000"));

        var store = await _host.MustAsync(new GetStoreByQrQuery(code));

        store.Should().BeEquivalentTo(new { bakery.MerchantId, bakery.StoreNumber, Name = "城下町ベーカリー" });
    }

    [Fact]
    public async Task GetStoreByQr_WithAnUnknownShopOrGarbage_IsInvalidQr()
    {
        var stranger = MerchantQrBuilder.BuildStoreCode(new MerchantQrInfo(Guid.NewGuid(), "Nobody", "誰か", "5462", "7080000"));

        (await _host.SendAsync(new GetStoreByQrQuery(stranger))).Error!.Type.Should().Be(ProblemTypes.InvalidQr);
        (await _host.SendAsync(new GetStoreByQrQuery("not a qr code"))).Error!.Type.Should().Be(ProblemTypes.InvalidQr);
    }

    [Fact]
    public async Task GetStoreDirectory_FindsByNameHiraganaReadingOrStoreNumberPrefix_InKanaOrder()
    {
        var bakery = await ShopAsync("城下町ベーカリー", "ジョウカマチベーカリー");
        await ShopAsync("作州そば", "サクシュウソバ", "5812");
        await ShopAsync("あさひ書店", "アサヒショテン", "5942");

        (await _host.MustAsync(new GetStoreDirectoryQuery("ベーカリー"))).Items.Should().ContainSingle(s => s.MerchantId == bakery.MerchantId);
        (await _host.MustAsync(new GetStoreDirectoryQuery("じょうかまち"))).Items.Should().ContainSingle(s => s.MerchantId == bakery.MerchantId);
        (await _host.MustAsync(new GetStoreDirectoryQuery(bakery.StoreNumber[..4]))).Items.Should().Contain(s => s.MerchantId == bakery.MerchantId);
        (await _host.MustAsync(new GetStoreDirectoryQuery(null))).Items.Select(s => s.NameKana)
            .Should().Equal("アサヒショテン", "サクシュウソバ", "ジョウカマチベーカリー");
    }

    [Fact]
    public async Task GetStoreDirectory_IsPagedWithTheTotal()
    {
        for (var i = 0; i < 5; i++)
        {
            await ShopAsync($"店{i}", $"ミセ{i}");
        }

        var second = await _host.MustAsync(new GetStoreDirectoryQuery(null, Page: 2, PageSize: 2));

        second.Total.Should().Be(5);
        second.Items.Select(s => s.NameKana).Should().Equal("ミセ2", "ミセ3");
        (await _host.SendAsync(new GetStoreDirectoryQuery(null, Page: 0))).Error!.Type.Should().Be(ProblemTypes.Validation);
        (await _host.SendAsync(new GetStoreDirectoryQuery(null, PageSize: 500))).Error!.Type.Should().Be(ProblemTypes.Validation);
    }

    [Fact]
    public async Task AssignMissing_GivesShopsRegisteredBeforeStoreNumbersANumber()
    {
        var shop = await ShopAsync("古い店", "フルイミセ");
        await _host.ExecuteSqlAsync("UPDATE Merchants SET StoreNumber = NULL");

        var assigned = await _host.WithDbAsync(db => StoreNumberAllocator.AssignMissingAsync(db, CancellationToken.None));

        assigned.Should().Be(1);
        var number = await _host.WithDbAsync(db => db.Merchants.Where(m => m.Id == shop.MerchantId).Select(m => m.StoreNumber).FirstAsync());
        StoreNumber.IsWellFormed(number).Should().BeTrue();
    }

    [Fact]
    public async Task PayByStoreNumber_PaysThatShop_AndATypoChangesNothing()
    {
        await _host.CreateProgramAsync();
        var resident = await _host.RegisterResidentAsync();
        await _host.BuyAsync(resident);
        var shop = await ShopAsync("店", "ミセ");
        var typo = shop.StoreNumber[..5] + (char)('0' + ((shop.StoreNumber[5] - '0' + 1) % 10));

        var paid = await _host.MustAsync(new PayByStoreNumberCommand(resident, shop.StoreNumber, 1_200, IdempotencyScopes.User(resident), _host.NextKey()));
        var refused = await _host.SendAsync(new PayByStoreNumberCommand(resident, typo, 1_200, IdempotencyScopes.User(resident), _host.NextKey()));

        paid.MerchantId.Should().Be(shop.MerchantId);
        refused.Error!.Type.Should().Be(ProblemTypes.Validation);
        (await _host.WithDbAsync(db => db.Payments.CountAsync())).Should().Be(1);
    }
}
