using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// EMVCo lengths count characters, not bytes. We count Unicode scalar values (runes): for the
/// kana and kanji we use this equals what a person sees, and unlike grapheme clusters it does not
/// shift between Unicode versions, so a payload means the same thing to every reader.
/// </summary>
public static class EmvcoText
{
    public static int CharacterCount(ReadOnlySpan<char> value)
    {
        var count = 0;
        var rest = value;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new QrFormatException(QrRejectionReason.InvalidCharacters, "The code contains a broken character (unpaired surrogate).");
            }

            rest = rest[consumed..];
            count++;
        }

        return count;
    }

    /// <summary>
    /// Number of UTF-16 chars that make up the first <paramref name="characters"/> runes, or -1 when
    /// the text runs out first.
    /// </summary>
    internal static int Utf16LengthOf(ReadOnlySpan<char> text, int characters)
    {
        var offset = 0;
        for (var i = 0; i < characters; i++)
        {
            if (offset >= text.Length)
            {
                return -1;
            }

            if (Rune.DecodeFromUtf16(text[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new QrFormatException(QrRejectionReason.InvalidCharacters, "The code contains a broken character (unpaired surrogate).");
            }

            offset += consumed;
        }

        return offset;
    }
}
