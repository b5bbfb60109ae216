using CsCheck;
using Tsuyama.LocalCurrency.Reliability.Tests.Support;
using Tsuyama.LocalCurrency.Payouts.Zengin;

namespace Tsuyama.LocalCurrency.Reliability.Tests.Fuzzing;

/// <summary>
/// Random Unicode names through the kana conversion and the file writer: either a clear refusal
/// (<see cref="ZenginValidationException"/>, <see cref="BankKanaException"/>) or a file whose every
/// record is 120 bytes of the Zengin character set, which the strict reader reads back as written.
/// </summary>
public sealed class ZenginFuzzTests
{
    public const int Files = 5_000;

    /// <summary>Hiragana, katakana (full and half width, small, voiced), ASCII, full-width ASCII, legal forms.</summary>
    private static readonly Gen<string> Convertible = Gen.OneOf(
            Gen.Char['ぁ', 'ゖ'].Select(c => c.ToString()),
            Gen.Char['ァ', 'ヺ'].Select(c => c.ToString()),
            Gen.Char['｡', 'ﾟ'].Select(c => c.ToString()),
            Gen.Char['A', 'Z'].Select(c => c.ToString()),
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Char['０', '９'].Select(c => c.ToString()),
            Gen.OneOf<string>("株式会社", "有限会社", "合同会社", "ー", "・", "\u3000", " ", "(", ")", "-", ".", "/", ",", "゛", "゜", "\u3099", "\u309A", "￥", "¥", "－", "—"))
        .Array[0, 45]
        .Select(parts => string.Concat(parts));

    /// <summary>Anything at all, mostly refused: kanji, emoji, accents, control characters, lone surrogates.</summary>
    private static readonly Gen<string> Wild = Gen.OneOf(
            Gen.Char[' ', '~'].Select(c => c.ToString()),
            Gen.Char['！', '～'].Select(c => c.ToString()),
            Gen.OneOf<string>("津", "山", "😀", "\u00E9", "e\u0301", "\uFF70", "\u0000", "\t", "\uD800", "Ω", "ß", "ヴ", "ヵ", "ゎ"),
            Gen.Char.Select(c => c.ToString()),
            Convertible)
        .Array[0, 20]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Name = Gen.OneOf(Convertible, Convertible, Convertible, Convertible, Convertible, Wild);

    private static readonly Gen<ZenginPayee> Payee =
        Gen.Select(Name, Name, Name, Gen.Long[1, ZenginValidator.MaxAmount], Gen.Int[0, 3],
            (holder, bank, branch, amount, type) => new ZenginPayee("0168", bank, "101", branch,
                type switch
                {
                    0 => ZenginAccountType.Ordinary,
                    1 => ZenginAccountType.Current,
                    2 => ZenginAccountType.Savings,
                    _ => ZenginAccountType.Other,
                },
                "1234567",
                holder,
                amount));

    private static readonly Gen<ZenginTransferBatch> Batch =
        Gen.Select(Name, Payee.Array[1, 4], Gen.Int[1, 365],
            (client, payees, day) => new ZenginTransferBatch(
                new ZenginIssuer("1234567890", client, "0168", "ﾁｭｳｺﾞｸ", "101", "ﾂﾔﾏ", ZenginAccountType.Ordinary, "1234567"),
                new DateOnly(2026, 1, 1).AddDays(day), payees));

    [Fact]
    public void Write_RandomUnicodeNames_RefusesClearlyOrWritesRecordsOf120AllowedBytes_ThatReadBack()
    {
        var written = 0;
        Batch.Sample(batch =>
        {
            byte[] file;
            try
            {
                file = ZenginFileWriter.Write(batch);
            }
            catch (Exception e) when (e is ZenginValidationException or BankKanaException)
            {
                // Both are the clear refusals the class promises (e.g. a tab in a name is not bank kana).
                return;
            }

            Interlocked.Increment(ref written);
            CheckBytes(file);
            var read = ZenginFileReader.Parse(file);
            read.Header.ClientName.Should().Be(Expected(batch.Issuer.ClientNameKana, 40, abbreviate: true));
            read.Records.Should().HaveCount(batch.Payees.Count);
            for (var i = 0; i < batch.Payees.Count; i++)
            {
                var (payee, record) = (batch.Payees[i], read.Records[i]);
                record.PayeeName.Should().Be(Expected(payee.HolderKana, 30, abbreviate: true));
                record.BankName.Should().Be(Expected(payee.BankNameKana, 15, abbreviate: false));
                record.BranchName.Should().Be(Expected(payee.BranchNameKana, 15, abbreviate: false));
                record.Amount.Should().Be(payee.Amount);
                record.CustomerCode1.Should().BeEmpty();
            }

            read.Trailer.TotalAmount.Should().Be(batch.Payees.Sum(p => p.Amount));
        },
        iter: Files,
        seed: FuzzSeed.Or("0000000000021"),
        print: b => string.Join(" | ", new[] { b.Issuer.ClientNameKana }.Concat(b.Payees.Select(p => p.HolderKana)).Select(Escape)));

        written.Should().BeGreaterThan(Files / 20, "enough random names must be writable for the read-back check to mean something");
    }

    [Fact]
    public void Convert_RandomUnicode_ReturnsOnlyBankKanaOrThrowsBankKanaException()
    {
        Name.Sample(text =>
        {
            string converted;
            try
            {
                converted = BankKana.Convert(text, abbreviateLegalForms: text.Length % 2 == 0);
            }
            catch (BankKanaException)
            {
                return;
            }

            BankKana.IsBankKana(converted).Should().BeTrue(Escape(converted));
            for (var max = 0; max <= Math.Min(converted.Length, 40); max += 7)
            {
                var cut = BankKana.Truncate(converted, max);
                cut.Length.Should().BeLessThanOrEqualTo(max);
                converted.Should().StartWith(cut);
                if (cut.Length > 0 && cut.Length < converted.Length)
                {
                    // A voicing mark is never separated from its kana.
                    converted[cut.Length].Should().NotBe('ﾞ').And.NotBe('ﾟ');
                }
            }
        }, iter: 20_000, seed: FuzzSeed.Or("0000000000022"), print: Escape);
    }

    private static string Expected(string name, int width, bool abbreviate) =>
        BankKana.ConvertAndTruncate(name, width, abbreviate).TrimEnd(' ');

    /// <summary>Independent of the writer: every record 120 bytes + CRLF, every byte in the Zengin set.</summary>
    private static void CheckBytes(byte[] file)
    {
        (file.Length % 122).Should().Be(0);
        for (var r = 0; r < file.Length / 122; r++)
        {
            file[(r * 122) + 120].Should().Be((byte)'\r');
            file[(r * 122) + 121].Should().Be((byte)'\n');
            for (var i = 0; i < 120; i++)
            {
                var b = file[(r * 122) + i];
                var allowed = b is (byte)' ' or (byte)'(' or (byte)')' or (byte)',' or (byte)'-' or (byte)'.' or (byte)'/' or 0x5C or 0xA6
                    or >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= 0xB1 and <= 0xDF;
                allowed.Should().BeTrue($"byte 0x{b:X2} at record {r + 1}, offset {i} is outside the Zengin character set");
            }
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
