using System.Globalization;

namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>Checks the sector list: ids, sizes, shares and the supplier network.</summary>
internal static class SectorValidator
{
    public static IReadOnlyList<Sector>? Validate(List<SectorDocument?>? docs, List<string> errors)
    {
        if (docs is null || docs.Count == 0)
        {
            errors.Add("sectors must list at least one sector");
            return null;
        }

        var before = errors.Count;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            var id = docs[i]?.Id;
            if (!string.IsNullOrWhiteSpace(id) && !ids.Add(id))
            {
                errors.Add($"sectors[{i}].id \"{id}\" is used by more than one sector");
            }
        }

        var sectors = new List<Sector>(docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            var sector = ValidateOne(docs[i], $"sectors[{i}]", ids, errors);
            if (sector is not null)
            {
                sectors.Add(sector);
            }
        }

        var spendSum = docs.Sum(d => d?.ResidentSpendShare ?? 0);
        if (Math.Abs(spendSum - 1) > ScenarioValidator.ShareSumTolerance)
        {
            errors.Add($"sectors[*].residentSpendShare must sum to 1 (got {Format(spendSum)})");
        }

        return errors.Count > before ? null : sectors;
    }

    private static Sector? ValidateOne(SectorDocument? doc, string path, HashSet<string> knownIds, List<string> errors)
    {
        if (doc is null)
        {
            errors.Add($"{path} is null");
            return null;
        }

        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(doc.Id))
        {
            errors.Add($"{path}.id is required");
        }

        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            errors.Add($"{path}.name is required");
        }

        SectorSize size = default;
        if (doc.Size is null)
        {
            errors.Add($"{path}.size is required (\"small\" or \"large\")");
        }
        else if (!Enum.TryParse(doc.Size, ignoreCase: true, out size) || !Enum.IsDefined(size) || int.TryParse(doc.Size, out _))
        {
            errors.Add($"{path}.size must be \"small\" or \"large\" (got \"{doc.Size}\")");
        }

        var merchants = ScenarioValidator.Positive(doc.Merchants, $"{path}.merchants", errors);
        var spend = ScenarioValidator.Share(doc.ResidentSpendShare, $"{path}.residentSpendShare", errors);
        var local = ScenarioValidator.Share(doc.LocalRespendShare, $"{path}.localRespendShare", errors);
        var inPoints = ScenarioValidator.Share(doc.RespendInPointsShare, $"{path}.respendInPointsShare", errors);
        var suppliers = doc.SupplierShares ?? [];
        ValidateSuppliers(suppliers, local, $"{path}.supplierShares", "localRespendShare", knownIds, errors);
        double? pointsLocal = doc.PointsLocalRespendShare is null
            ? null
            : ScenarioValidator.Share(doc.PointsLocalRespendShare, $"{path}.pointsLocalRespendShare", errors);
        if (doc.PointsSupplierShares is not null)
        {
            ValidateSuppliers(doc.PointsSupplierShares, pointsLocal ?? local, $"{path}.pointsSupplierShares", "pointsLocalRespendShare", knownIds, errors);
        }
        else if (pointsLocal > 0 && suppliers.Count == 0)
        {
            errors.Add($"{path}.supplierShares is empty but pointsLocalRespendShare is above 0: say where the local re-spend goes");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Sector
        {
            Id = doc.Id!,
            Name = doc.Name!,
            Size = size,
            Merchants = merchants,
            ResidentSpendShare = spend,
            LocalRespendShare = local,
            RespendInPointsShare = inPoints,
            SupplierShares = suppliers,
            PointsLocalRespendShare = pointsLocal,
            PointsSupplierShares = doc.PointsSupplierShares,
        };
    }

    private static void ValidateSuppliers(
        Dictionary<string, double> suppliers, double localRespendShare, string path, string localName, HashSet<string> knownIds, List<string> errors)
    {
        foreach (var (target, share) in suppliers)
        {
            if (!knownIds.Contains(target))
            {
                errors.Add($"{path} names unknown sector id \"{target}\"");
            }

            if (!double.IsFinite(share) || share < 0 || share > 1)
            {
                errors.Add($"{path}[\"{target}\"] must be a share between 0 and 1 (got {Format(share)})");
            }
        }

        // A sector that re-spends nothing locally needs no suppliers; otherwise the shares say where it all goes.
        if (suppliers.Count == 0 && localRespendShare > 0)
        {
            errors.Add($"{path} is empty but {localName} is above 0: say where the local re-spend goes");
        }
        else if (suppliers.Count > 0 && Math.Abs(suppliers.Values.Sum() - 1) > ScenarioValidator.ShareSumTolerance)
        {
            errors.Add($"{path} must sum to 1 (got {Format(suppliers.Values.Sum())})");
        }
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
