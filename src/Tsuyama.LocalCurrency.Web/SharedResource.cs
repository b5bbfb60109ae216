namespace Tsuyama.LocalCurrency.Web;

/// <summary>Marker for Resources/SharedResource*.resx: Japanese is the neutral resource, English the satellite.</summary>
public sealed class SharedResource;

/// <summary>The city office console's dashboard, programs, settlements and ledger pages (Resources/CityResource*.resx).</summary>
public sealed class CityResource;

/// <summary>The city office console's shops, residents, counter sales, staff and audit pages (Resources/CityPeopleResource*.resx).</summary>
public sealed class CityPeopleResource;

/// <summary>The chamber of commerce console (Resources/ChamberResource*.resx).</summary>
public sealed class ChamberResource;
