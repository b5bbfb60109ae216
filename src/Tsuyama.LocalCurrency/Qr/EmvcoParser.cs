namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Generic EMVCo Merchant-Presented Mode parser. It checks what every EMVCo payload must satisfy
/// (well-formed TLV, limits, unique tags, CRC last and correct, format indicator 01) and nothing
/// scheme-specific: mandatory merchant fields are left to the scheme's decoder, because real codes
/// in the wild (e.g. PromptPay) omit some of them.
/// </summary>
public static class EmvcoParser
{
    /// <exception cref="QrFormatException">The payload is not a well-formed EMVCo payload.</exception>
    public static EmvcoFieldSet Parse(string? payload)
    {
        // Scanners often append CR/LF; no valid payload starts or ends with whitespace ("00…", "…6304XXXX").
        var text = (payload ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new QrFormatException(QrRejectionReason.Empty, "The code is empty.");
        }

        if (text.Length > EmvcoTagRules.MaxPayloadCharacters)
        {
            throw new QrFormatException(
                QrRejectionReason.PayloadTooLong,
                $"The code is longer than the {EmvcoTagRules.MaxPayloadCharacters} characters EMVCo allows.");
        }

        var fields = ReadStructure(text, path: null, out var lastFieldStart);
        VerifyCrc(text, fields, lastFieldStart);
        var set = new EmvcoFieldSet(null, fields);
        ValidateFields(set);

        var formatIndicator = set.GetRequired("00");
        if (formatIndicator != "01")
        {
            throw new QrFormatException(
                QrRejectionReason.UnsupportedFormatIndicator,
                $"Payload format indicator (00) is \"{formatIndicator}\"; only \"01\" is defined.",
                "00");
        }

        if (set.TryGetValue("01", out var method) && method is not ("11" or "12"))
        {
            throw new QrFormatException(
                QrRejectionReason.InvalidInitiationMethod,
                $"Point of initiation method (01) is \"{method}\"; it must be 11 (static) or 12 (dynamic).",
                "01");
        }

        return set;
    }

    /// <summary>Parses the value of a template (no CRC inside templates).</summary>
    /// <exception cref="QrFormatException">The template is not well-formed.</exception>
    public static EmvcoFieldSet ParseTemplate(string path, string value)
    {
        var set = new EmvcoFieldSet(path, ReadStructure(value, path, out _));
        ValidateFields(set);
        return set;
    }

    private static EmvcoField[] ReadStructure(string text, string? path, out int lastFieldStart)
    {
        var fields = new List<EmvcoField>();
        var position = 0;
        lastFieldStart = 0;
        while (position < text.Length)
        {
            var where = path is null ? $"at character {position + 1}" : $"in template {path}";
            if (text.Length - position < 4)
            {
                throw new QrFormatException(QrRejectionReason.Truncated, $"The code ends in the middle of a field header {where}.", path);
            }

            var tag = text.Substring(position, 2);
            var lengthText = text.AsSpan(position + 2, 2);
            if (!EmvcoTagRules.IsValidTag(tag) || !char.IsAsciiDigit(lengthText[0]) || !char.IsAsciiDigit(lengthText[1]))
            {
                throw new QrFormatException(
                    QrRejectionReason.NonNumericTagOrLength,
                    $"Expected a two-digit tag and length {where}, found \"{text.Substring(position, 4)}\".",
                    path);
            }

            var fieldPath = path is null ? tag : $"{path}.{tag}";
            var length = ((lengthText[0] - '0') * 10) + (lengthText[1] - '0');
            if (length == 0)
            {
                throw new QrFormatException(QrRejectionReason.EmptyField, $"Field {fieldPath} has length 00; EMVCo fields are never empty.", fieldPath);
            }

            var valueStart = position + 4;
            var utf16Length = EmvcoText.Utf16LengthOf(text.AsSpan(valueStart), length);
            if (utf16Length < 0)
            {
                var available = EmvcoText.CharacterCount(text.AsSpan(valueStart));
                throw new QrFormatException(
                    QrRejectionReason.Truncated,
                    $"Field {fieldPath} says its length is {length}, but only {available} characters follow; the code is cut off.",
                    fieldPath);
            }

            fields.Add(new EmvcoField(tag, text.Substring(valueStart, utf16Length)));
            lastFieldStart = position;
            position = valueStart + utf16Length;
        }

        return [.. fields];
    }

    private static void VerifyCrc(string text, EmvcoField[] fields, int lastFieldStart)
    {
        var crcIndex = Array.FindIndex(fields, f => f.Tag == "63");
        if (crcIndex < 0)
        {
            throw new QrFormatException(QrRejectionReason.CrcMissing, "The checksum field (63) is missing.", "63");
        }

        if (crcIndex != fields.Length - 1)
        {
            throw new QrFormatException(QrRejectionReason.CrcNotLast, "The checksum field (63) must be the last field.", "63");
        }

        var written = fields[crcIndex].Value;
        if (written.Length != 4 || !written.All(char.IsAsciiHexDigit))
        {
            throw new QrFormatException(QrRejectionReason.CrcMalformed, $"The checksum (63) must be 4 hex digits, found \"{written}\".", "63");
        }

        if (written.Any(char.IsAsciiLetterLower))
        {
            throw new QrFormatException(QrRejectionReason.CrcMalformed, $"The checksum (63) must be upper-case hex, found \"{written}\".", "63");
        }

        // Covers everything before the CRC value, including the "6304" header itself.
        var expected = Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(text.AsSpan(0, lastFieldStart + 4)));
        if (!string.Equals(expected, written, StringComparison.Ordinal))
        {
            throw new QrFormatException(
                QrRejectionReason.CrcMismatch,
                $"The checksum does not match (code says {written}, content gives {expected}); the code is damaged or was altered.",
                "63");
        }
    }

    private static void ValidateFields(EmvcoFieldSet set)
    {
        var parentTag = set.Path is { Length: 2 } ? set.Path : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in set)
        {
            var fieldPath = set.PathOf(field.Tag);
            if (!seen.Add(field.Tag))
            {
                throw new QrFormatException(QrRejectionReason.DuplicateTag, $"Field {fieldPath} appears more than once.", fieldPath);
            }

            foreach (var c in field.Value)
            {
                if (char.IsControl(c))
                {
                    throw new QrFormatException(QrRejectionReason.InvalidCharacters, $"Field {fieldPath} contains a control character.", fieldPath);
                }
            }

            if ((set.Path is null || parentTag is not null) && EmvcoTagRules.LimitsFor(parentTag, field.Tag) is { } limits)
            {
                var count = EmvcoText.CharacterCount(field.Value);
                if (count > limits.Max)
                {
                    var reason = limits.Min == limits.Max ? QrRejectionReason.FieldLengthInvalid : QrRejectionReason.FieldTooLong;
                    throw new QrFormatException(reason, $"Field {fieldPath} has {count} characters; at most {limits.Max} are allowed.", fieldPath);
                }

                if (count < limits.Min)
                {
                    throw new QrFormatException(
                        QrRejectionReason.FieldLengthInvalid,
                        $"Field {fieldPath} has {count} characters; it must have {limits.Min}.",
                        fieldPath);
                }
            }
        }
    }
}
