using System.Text.Json.Nodes;
using Tsuyama.LocalCurrency.Simulation.Scenarios;

namespace Tsuyama.LocalCurrency.Simulation.Tests;

/// <summary>Scenario JSON builders; tests go through the real loader so validation is exercised too.</summary>
internal static class TestScenarios
{
    public static JsonObject OneSectorJson(double localRespendShare, double respendInPointsShare = 0.5) => new()
    {
        ["name"] = "one sector",
        ["injection"] = new JsonObject
        {
            ["unitsSold"] = 100,
            ["unitPriceYen"] = 10000,
            ["pointsPerUnit"] = new JsonObject { ["general"] = 10000, ["smallBusiness"] = 0 },
        },
        ["netNewConsumptionShare"] = 0.357,
        ["expiryDays"] = 30,
        ["redemptionFeeRate"] = 0.0,
        ["merchantTransferFeeRate"] = 0.0,
        ["sectors"] = new JsonArray(Sector("shops", "small", 10, 1.0, localRespendShare, respendInPointsShare, ("shops", 1.0))),
        ["monteCarlo"] = new JsonObject { ["runs"] = 10, ["seed"] = 7 },
    };

    /// <summary>Three sectors with a supplier loop, small-business points, breakage and both fees.</summary>
    public static JsonObject ThreeSectorJson() => new()
    {
        ["name"] = "three sectors <テスト & \"引用\">",
        ["injection"] = new JsonObject
        {
            ["unitsSold"] = 400,
            ["unitPriceYen"] = 10000,
            ["pointsPerUnit"] = new JsonObject { ["general"] = 6000, ["smallBusiness"] = 7000 },
        },
        ["netNewConsumptionShare"] = 0.357,
        ["expiryDays"] = 60,
        ["redemptionFeeRate"] = 0.03,
        ["merchantTransferFeeRate"] = 0.05, // exaggerated so a Monte Carlo that ignored it would disagree
        ["breakageShare"] = 0.05,
        ["residents"] = 150,
        ["sectors"] = new JsonArray(
            Sector("retail", "small", 12, 0.5, 0.45, 0.4, ("wholesale", 0.6), ("services", 0.3), ("retail", 0.1)),
            Sector("services", "small", 8, 0.2, 0.6, 0.2, ("retail", 0.5), ("chain", 0.5)),
            Sector("chain", "large", 3, 0.3, 0.15, 0.0, ("retail", 0.4), ("services", 0.6)),
            Sector("wholesale", "small", 4, 0.0, 0.3, 0.5, ("wholesale", 0.3), ("services", 0.7))),
        ["monteCarlo"] = new JsonObject { ["runs"] = 200, ["seed"] = 2026 },
    };

    public static JsonObject Sector(
        string id, string size, int merchants, double residentSpendShare, double localRespendShare, double respendInPointsShare,
        params (string Target, double Share)[] suppliers)
    {
        var shares = new JsonObject();
        foreach (var (target, share) in suppliers)
        {
            shares[target] = share;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = id + "の店",
            ["size"] = size,
            ["merchants"] = merchants,
            ["residentSpendShare"] = residentSpendShare,
            ["localRespendShare"] = localRespendShare,
            ["respendInPointsShare"] = respendInPointsShare,
            ["supplierShares"] = shares,
        };
    }

    public static Scenario Load(JsonObject json) => ScenarioLoader.Parse(json.ToJsonString());

    public static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsuyama.LocalCurrency.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }
}
