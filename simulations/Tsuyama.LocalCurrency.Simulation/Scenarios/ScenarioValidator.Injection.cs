namespace Tsuyama.LocalCurrency.Simulation.Scenarios;

/// <summary>The injection section: what is sold and where its points may land.</summary>
internal static partial class ScenarioValidator
{
    private static Injection? ValidateInjection(InjectionDocument? doc, List<string> errors)
    {
        if (doc is null)
        {
            errors.Add("injection is required");
            return null;
        }

        var before = errors.Count;
        if (doc.UnitsSold is not > 0)
        {
            errors.Add(Describe("injection.unitsSold", doc.UnitsSold, "must be a positive number"));
        }

        if (doc.UnitPriceYen is not >= 0)
        {
            errors.Add(Describe("injection.unitPriceYen", doc.UnitPriceYen, "must be zero or more"));
        }

        var points = doc.PointsPerUnit;
        if (points is null)
        {
            errors.Add("injection.pointsPerUnit is required");
        }
        else
        {
            if (points.General is not >= 0)
            {
                errors.Add(Describe("injection.pointsPerUnit.general", points.General, "must be zero or more"));
            }

            if (points.SmallBusiness is not >= 0)
            {
                errors.Add(Describe("injection.pointsPerUnit.smallBusiness", points.SmallBusiness, "must be zero or more"));
            }

            if (points.General == 0 && points.SmallBusiness == 0)
            {
                errors.Add("injection.pointsPerUnit must issue some points (general + smallBusiness > 0)");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Injection
        {
            UnitsSold = doc.UnitsSold!.Value,
            UnitPriceYen = doc.UnitPriceYen!.Value,
            PointsPerUnit = new PointsPerUnit { General = points!.General!.Value, SmallBusiness = points.SmallBusiness!.Value },
        };
    }

    private static void CheckSmallBusinessPointsCanLand(Injection injection, IReadOnlyList<Sector> sectors, List<string> errors)
    {
        if (injection.PointsPerUnit.SmallBusiness == 0)
        {
            return;
        }

        var small = sectors.Where(s => s.Size == SectorSize.Small).ToList();
        if (small.Count == 0)
        {
            errors.Add("injection.pointsPerUnit.smallBusiness is above 0 but no sector has size \"small\" where those points could be spent");
        }
        else if (small.Sum(s => s.ResidentSpendShare) <= 0)
        {
            errors.Add("injection.pointsPerUnit.smallBusiness is above 0 but every small sector has residentSpendShare 0");
        }
    }
}
