namespace Tsuyama.LocalCurrency.Payouts.Zengin;

/// <summary>A fixed-width field: byte offset within the 120-byte record and width in bytes.</summary>
internal readonly record struct ZenginField(int Offset, int Width)
{
    public int End => Offset + Width;
}

/// <summary>
/// Byte offsets of the 総合振込 records (docs/reference/zengin-layout.md), shared by the writer and the
/// reader so the two cannot drift apart. Tests deliberately restate the offsets instead of using these.
/// </summary>
internal static class ZenginLayout
{
    public const int RecordLength = 120;
    public static readonly ZenginField RecordType = new(0, 1);

    public const byte HeaderType = (byte)'1';
    public const byte DataType = (byte)'2';
    public const byte TrailerType = (byte)'8';
    public const byte EndType = (byte)'9';

    public static class Header
    {
        public static readonly ZenginField TypeCode = new(1, 2);
        public static readonly ZenginField CodeType = new(3, 1);
        public static readonly ZenginField ClientCode = new(4, 10);
        public static readonly ZenginField ClientName = new(14, 40);
        public static readonly ZenginField TransferDate = new(54, 4);
        public static readonly ZenginField BankNumber = new(58, 4);
        public static readonly ZenginField BankName = new(62, 15);
        public static readonly ZenginField BranchNumber = new(77, 3);
        public static readonly ZenginField BranchName = new(80, 15);
        public static readonly ZenginField AccountType = new(95, 1);
        public static readonly ZenginField AccountNumber = new(96, 7);
        public static readonly ZenginField Filler = new(103, 17);
    }

    public static class Data
    {
        public static readonly ZenginField BankNumber = new(1, 4);
        public static readonly ZenginField BankName = new(5, 15);
        public static readonly ZenginField BranchNumber = new(20, 3);
        public static readonly ZenginField BranchName = new(23, 15);
        public static readonly ZenginField ClearingHouseNumber = new(38, 4);
        public static readonly ZenginField AccountType = new(42, 1);
        public static readonly ZenginField AccountNumber = new(43, 7);
        public static readonly ZenginField PayeeName = new(50, 30);
        public static readonly ZenginField Amount = new(80, 10);
        public static readonly ZenginField NewAccountCode = new(90, 1);
        public static readonly ZenginField CustomerCode1 = new(91, 10);
        public static readonly ZenginField CustomerCode2 = new(101, 10);
        public static readonly ZenginField TransferMethod = new(111, 1);
        public static readonly ZenginField EdiFlag = new(112, 1);
        public static readonly ZenginField Filler = new(113, 7);
    }

    public static class Trailer
    {
        public static readonly ZenginField RecordCount = new(1, 6);
        public static readonly ZenginField TotalAmount = new(7, 12);
        public static readonly ZenginField Filler = new(19, 101);
    }

    public static class End
    {
        public static readonly ZenginField Filler = new(1, 119);
    }
}
