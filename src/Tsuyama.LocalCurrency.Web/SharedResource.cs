namespace Tsuyama.LocalCurrency.Web;

/// <summary>Marker for Resources/SharedResource*.resx: Japanese is the neutral resource, English the satellite.</summary>
public sealed class SharedResource;
