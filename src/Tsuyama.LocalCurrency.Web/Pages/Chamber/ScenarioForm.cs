using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.Chamber;

/// <summary>
/// The scenario file (DESIGN §7) as form fields. Every number stays the text the user typed, so a
/// refused form comes back as written. Fields the form does not show (uncertainty ranges, cost inputs,
/// the input-output table …) ride along in <see cref="Base"/> and are written back untouched.
/// The rules themselves are the scenario loader's: this class only moves values and messages.
/// </summary>
public sealed class ScenarioForm
{
    public string? Base { get; set; }
    public string? Name { get; set; }
    public string? UnitsSold { get; set; }
    public string? UnitPriceYen { get; set; }
    public string? PointsGeneral { get; set; }
    public string? PointsSmallBusiness { get; set; }
    public string? NetNewConsumptionShare { get; set; }
    public string? ExpiryDays { get; set; }
    public string? RedemptionFeeRate { get; set; }
    public string? MerchantTransferFeeRate { get; set; }
    public string? BreakageShare { get; set; }
    public string? SmallBusinessAdditionality { get; set; }
    public string? Residents { get; set; }
    public string? Runs { get; set; }
    public string? Seed { get; set; }
    public List<SectorForm> Sectors { get; set; } = [];

    /// <summary>Whether the base scenario names an input-output table (then every sector needs a table code).</summary>
    public bool HasInputOutput => BaseObject()["inputOutput"] is JsonObject;

    public static ScenarioForm FromJson(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            as JsonObject ?? throw new JsonException("a scenario is a JSON object");
        var map = root["inputOutput"]?["sectorMap"] as JsonObject;
        var form = new ScenarioForm
        {
            Base = root.ToJsonString(),
            Name = Text(root["name"]),
            UnitsSold = Text(root["injection"]?["unitsSold"]),
            UnitPriceYen = Text(root["injection"]?["unitPriceYen"]),
            PointsGeneral = Text(root["injection"]?["pointsPerUnit"]?["general"]),
            PointsSmallBusiness = Text(root["injection"]?["pointsPerUnit"]?["smallBusiness"]),
            NetNewConsumptionShare = Text(root["netNewConsumptionShare"]),
            ExpiryDays = Text(root["expiryDays"]),
            RedemptionFeeRate = Text(root["redemptionFeeRate"]),
            MerchantTransferFeeRate = Text(root["merchantTransferFeeRate"]),
            BreakageShare = Text(root["breakageShare"]),
            SmallBusinessAdditionality = Text(root["smallBusinessAdditionality"]),
            Residents = Text(root["residents"]),
            Runs = Text(root["monteCarlo"]?["runs"]),
            Seed = Text(root["monteCarlo"]?["seed"]),
        };
        foreach (var node in root["sectors"] as JsonArray ?? [])
        {
            if (node is not JsonObject s)
            {
                continue;
            }

            var id = Text(s["id"]);
            form.Sectors.Add(new SectorForm
            {
                Extra = s.ToJsonString(),
                Id = id,
                Name = Text(s["name"]),
                Size = Text(s["size"]),
                Merchants = Text(s["merchants"]),
                ResidentSpendShare = Text(s["residentSpendShare"]),
                LocalRespendShare = Text(s["localRespendShare"]),
                RespendInPointsShare = Text(s["respendInPointsShare"]),
                PointsLocalRespendShare = Text(s["pointsLocalRespendShare"]),
                Suppliers = s["supplierShares"] is JsonObject shares ? string.Join(", ", shares.Select(p => $"{p.Key}={Text(p.Value)}")) : null,
                IoCode = id is null ? null : Text(map?[id]),
            });
        }

        return form;
    }

    /// <summary>
    /// The scenario JSON the form describes. A field that is not even a number gets its message here and is
    /// left out of the JSON (the caller must not run it then); everything else is the loader's to judge.
    /// </summary>
    public string ToJson(ModelStateDictionary state, SiteText text, string prefix)
    {
        var root = BaseObject();
        void Number(JsonObject target, string name, string? value, string field, bool whole = false)
        {
            target.Remove(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var trimmed = value.Trim().Replace(",", "", StringComparison.Ordinal);
            if (whole && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                target[name] = l;
            }
            else if (!whole && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            {
                target[name] = d;
            }
            else
            {
                state.AddModelError($"{prefix}.{field}", text[whole ? "Chamber.Rule.WholeNumber" : "Chamber.Rule.Number"]);
            }
        }

        JsonObject Child(JsonObject parent, string name) => parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());

        root.Remove("name");
        if (!string.IsNullOrWhiteSpace(Name))
        {
            root["name"] = Name.Trim();
        }

        var injection = Child(root, "injection");
        Number(injection, "unitsSold", UnitsSold, nameof(UnitsSold), whole: true);
        Number(injection, "unitPriceYen", UnitPriceYen, nameof(UnitPriceYen), whole: true);
        var points = Child(injection, "pointsPerUnit");
        Number(points, "general", PointsGeneral, nameof(PointsGeneral), whole: true);
        Number(points, "smallBusiness", PointsSmallBusiness, nameof(PointsSmallBusiness), whole: true);
        Number(root, "netNewConsumptionShare", NetNewConsumptionShare, nameof(NetNewConsumptionShare));
        Number(root, "expiryDays", ExpiryDays, nameof(ExpiryDays), whole: true);
        Number(root, "redemptionFeeRate", RedemptionFeeRate, nameof(RedemptionFeeRate));
        Number(root, "merchantTransferFeeRate", MerchantTransferFeeRate, nameof(MerchantTransferFeeRate));
        Number(root, "breakageShare", BreakageShare, nameof(BreakageShare));
        Number(root, "smallBusinessAdditionality", SmallBusinessAdditionality, nameof(SmallBusinessAdditionality));
        Number(root, "residents", Residents, nameof(Residents), whole: true);
        var monteCarlo = Child(root, "monteCarlo");
        Number(monteCarlo, "runs", Runs, nameof(Runs), whole: true);
        Number(monteCarlo, "seed", Seed, nameof(Seed), whole: true);

        var sectors = new JsonArray();
        var map = new JsonObject();
        for (var i = 0; i < Sectors.Count; i++)
        {
            var row = Sectors[i];
            var field = $"{nameof(Sectors)}[{i}]";
            var s = SectorBase(row.Extra);
            foreach (var (name, value) in new[] { ("id", row.Id), ("name", row.Name), ("size", row.Size) })
            {
                s.Remove(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    s[name] = value.Trim();
                }
            }

            Number(s, "merchants", row.Merchants, $"{field}.{nameof(SectorForm.Merchants)}", whole: true);
            Number(s, "residentSpendShare", row.ResidentSpendShare, $"{field}.{nameof(SectorForm.ResidentSpendShare)}");
            Number(s, "localRespendShare", row.LocalRespendShare, $"{field}.{nameof(SectorForm.LocalRespendShare)}");
            Number(s, "respendInPointsShare", row.RespendInPointsShare, $"{field}.{nameof(SectorForm.RespendInPointsShare)}");
            Number(s, "pointsLocalRespendShare", row.PointsLocalRespendShare, $"{field}.{nameof(SectorForm.PointsLocalRespendShare)}");
            s.Remove("supplierShares");
            var shares = new JsonObject();
            foreach (var part in (row.Suppliers ?? "").Split([',', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length != 2 || pair[0].Length == 0 || shares.ContainsKey(pair[0])
                    || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var share))
                {
                    state.AddModelError($"{prefix}.{field}.{nameof(SectorForm.Suppliers)}", text["Chamber.Rule.Suppliers"]);
                    break;
                }

                shares[pair[0]] = share;
            }

            s["supplierShares"] = shares;
            if (!string.IsNullOrWhiteSpace(row.Id) && !string.IsNullOrWhiteSpace(row.IoCode))
            {
                map[row.Id.Trim()] = row.IoCode.Trim();
            }

            sectors.Add(s);
        }

        root["sectors"] = sectors;
        if (root["inputOutput"] is JsonObject io)
        {
            io["sectorMap"] = map;
        }

        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static readonly Regex PathPattern =
        new(@"^(?<path>[A-Za-z]+(?:\[(?:\d+|\*)\])?(?:\.[A-Za-z]+(?:\[(?:\d+|\*)\])?)*)", RegexOptions.CultureInvariant);
    private static readonly Regex QuotedId = new("\"(?<id>[^\"]+)\"", RegexOptions.CultureInvariant);

    /// <summary>
    /// Puts the loader's messages (each begins with the field's path, e.g. <c>sectors[2].residentSpendShare</c>)
    /// beside the matching inputs, in the page's language; a message about the whole scenario goes above the form.
    /// </summary>
    public void AddErrors(ModelStateDictionary state, IEnumerable<string> messages, SiteText text, string prefix)
    {
        foreach (var message in messages)
        {
            // A field that already says "not a number" was left out, so the loader's "is required" for it says nothing new.
            var field = FieldFor(message, prefix);
            if (field.Length == 0
                || state.GetFieldValidationState(field) != ModelValidationState.Invalid
                || !message.Contains("is required", StringComparison.Ordinal))
            {
                state.AddModelError(field, ScenarioMessages.Translate(message, text));
            }
        }
    }

    private string FieldFor(string message, string prefix)
    {
        var path = PathPattern.Match(message) is { Success: true } m ? m.Groups["path"].Value : "";
        if (path.StartsWith("scenario.", StringComparison.Ordinal))
        {
            path = path["scenario.".Length..];
        }

        var sector = Regex.Match(path, @"^sectors\[(\d+)\](?:\.(\w+))?$", RegexOptions.CultureInvariant);
        if (sector.Success)
        {
            var field = sector.Groups[2].Value switch
            {
                "id" => nameof(SectorForm.Id),
                "name" => nameof(SectorForm.Name),
                "size" => nameof(SectorForm.Size),
                "merchants" => nameof(SectorForm.Merchants),
                "residentSpendShare" => nameof(SectorForm.ResidentSpendShare),
                "localRespendShare" => nameof(SectorForm.LocalRespendShare),
                "respendInPointsShare" => nameof(SectorForm.RespendInPointsShare),
                "pointsLocalRespendShare" => nameof(SectorForm.PointsLocalRespendShare),
                "supplierShares" or "pointsSupplierShares" => nameof(SectorForm.Suppliers),
                _ => null,
            };
            return field is null ? $"{prefix}.{nameof(Sectors)}" : $"{prefix}.{nameof(Sectors)}[{sector.Groups[1].Value}].{field}";
        }

        if (path.StartsWith("inputOutput.sectorMap", StringComparison.Ordinal) && QuotedId.Match(message) is { Success: true } quoted)
        {
            var row = Sectors.FindIndex(s => string.Equals(s.Id?.Trim(), quoted.Groups["id"].Value, StringComparison.Ordinal));
            return row >= 0 ? $"{prefix}.{nameof(Sectors)}[{row}].{nameof(SectorForm.IoCode)}" : "";
        }

        var top = path switch
        {
            "name" => nameof(Name),
            "injection.unitsSold" => nameof(UnitsSold),
            "injection.unitPriceYen" => nameof(UnitPriceYen),
            "injection.pointsPerUnit" or "injection.pointsPerUnit.general" => nameof(PointsGeneral),
            "injection.pointsPerUnit.smallBusiness" => nameof(PointsSmallBusiness),
            "netNewConsumptionShare" => nameof(NetNewConsumptionShare),
            "expiryDays" => nameof(ExpiryDays),
            "redemptionFeeRate" => nameof(RedemptionFeeRate),
            "merchantTransferFeeRate" => nameof(MerchantTransferFeeRate),
            "breakageShare" => nameof(BreakageShare),
            "smallBusinessAdditionality" => nameof(SmallBusinessAdditionality),
            "residents" => nameof(Residents),
            "monteCarlo.runs" or "runs" => nameof(Runs),
            "monteCarlo.seed" => nameof(Seed),
            "sectors" or "sectors[*].residentSpendShare" => nameof(Sectors),
            _ => null,
        };
        return top is null ? "" : $"{prefix}.{top}";
    }

    private JsonObject BaseObject()
    {
        try
        {
            return (string.IsNullOrWhiteSpace(Base) ? null : JsonNode.Parse(Base) as JsonObject) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }

    private static JsonObject SectorBase(string? extra)
    {
        try
        {
            return (string.IsNullOrWhiteSpace(extra) ? null : JsonNode.Parse(extra) as JsonObject) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("0.############", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}

/// <summary>One row of the sectors table; <see cref="Extra"/> keeps the sector's fields the table does not show.</summary>
public sealed class SectorForm
{
    public string? Extra { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Size { get; set; }
    public string? Merchants { get; set; }
    public string? ResidentSpendShare { get; set; }
    public string? LocalRespendShare { get; set; }
    public string? RespendInPointsShare { get; set; }
    public string? PointsLocalRespendShare { get; set; }

    /// <summary>Where local re-spend goes, as "id=share, id=share".</summary>
    public string? Suppliers { get; set; }

    /// <summary>The input-output table's sector code for this sector.</summary>
    public string? IoCode { get; set; }
}
