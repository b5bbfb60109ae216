namespace Tsuyama.LocalCurrency.Simulation.MonteCarlo;

/// <summary>One payment received by one merchant: money whose next use is decided as a whole.</summary>
internal struct Parcel
{
    public int Merchant;
    public double Amount;
    public byte Round;
    public bool IsPoints;
}

/// <summary>A growable array of parcels, reused between runs to keep the garbage collector quiet.</summary>
internal sealed class ParcelBuffer
{
    private Parcel[] _items = new Parcel[256];

    public int Count { get; private set; }

    public ref Parcel this[int index] => ref _items[index];

    public void Add(in Parcel parcel)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = parcel;
    }

    public void Clear() => Count = 0;
}
