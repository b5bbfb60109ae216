using System.Globalization;
using System.Text;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Writes EMVCo TLV. Values are checked against the same limits the parser enforces, so anything
/// we print can be read back by our own decoder and by strict third-party readers.
/// </summary>
public sealed class EmvcoWriter
{
    private readonly List<EmvcoField> _fields = [];
    private readonly string? _templateTag;

    public EmvcoWriter()
    {
    }

    private EmvcoWriter(string templateTag) => _templateTag = templateTag;

    /// <summary>A writer for the value of template <paramref name="tag"/>, checked against that template's limits.</summary>
    public static EmvcoWriter ForTemplate(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new EmvcoWriter(tag);
    }

    /// <exception cref="ArgumentException">Bad tag, empty or over-long value, duplicate tag, or an attempt to write 63 by hand.</exception>
    public EmvcoWriter Add(string tag, string value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(value);
        var path = _templateTag is null ? tag : $"{_templateTag}.{tag}";
        if (!EmvcoTagRules.IsValidTag(tag))
        {
            throw new ArgumentException($"EMVCo tags are two digits; got \"{tag}\".", nameof(tag));
        }

        if (_templateTag is null && tag == "63")
        {
            throw new ArgumentException("The CRC (63) is appended by ToPayload().", nameof(tag));
        }

        if (_fields.Exists(f => f.Tag == tag))
        {
            throw new ArgumentException($"Field {path} is already present.", nameof(tag));
        }

        var count = EmvcoText.CharacterCount(value);
        var (min, max) = EmvcoTagRules.LimitsFor(_templateTag, tag) ?? (1, 99);
        if (count < min || count > max)
        {
            throw new ArgumentException($"Field {path} must have {min}–{max} characters; got {count}.", nameof(value));
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"Field {path} contains a control character.", nameof(value));
        }

        _fields.Add(new EmvcoField(tag, value));
        return this;
    }

    public EmvcoWriter AddTemplate(string tag, Action<EmvcoWriter> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var template = new EmvcoWriter(_templateTag is null ? tag : $"{_templateTag}.{tag}");
        build(template);
        return Add(tag, template.ToTemplateValue());
    }

    /// <summary>The concatenated fields, for use as the value of a template.</summary>
    public string ToTemplateValue()
    {
        var builder = new StringBuilder();
        foreach (var field in _fields)
        {
            AppendField(builder, field.Tag, field.Value);
        }

        return builder.ToString();
    }

    /// <summary>The complete payload: the fields, then "6304" and the CRC over everything before it.</summary>
    public string ToPayload()
    {
        if (_templateTag is not null)
        {
            throw new InvalidOperationException("A template has no CRC; use ToTemplateValue().");
        }

        var withoutCrc = ToTemplateValue() + "6304";
        var payload = withoutCrc + Crc16CcittFalse.ToHex(Crc16CcittFalse.Compute(withoutCrc));
        if (payload.Length > EmvcoTagRules.MaxPayloadCharacters)
        {
            throw new InvalidOperationException($"Payload is {payload.Length} characters; EMVCo allows {EmvcoTagRules.MaxPayloadCharacters}.");
        }

        return payload;
    }

    private static void AppendField(StringBuilder builder, string tag, string value) =>
        builder.Append(tag)
            .Append(EmvcoText.CharacterCount(value).ToString("D2", CultureInfo.InvariantCulture))
            .Append(value);
}
