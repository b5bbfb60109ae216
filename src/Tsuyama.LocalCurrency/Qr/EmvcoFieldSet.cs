using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// The data objects of a payload or of one template, in the order they appeared. Tags are unique
/// (the parser refuses duplicates); look-ups never depend on order. Templates are parsed only when
/// asked for, so a foreign template we never read cannot make a payload unreadable.
/// </summary>
public sealed class EmvcoFieldSet : IReadOnlyList<EmvcoField>
{
    private readonly EmvcoField[] _fields;

    internal EmvcoFieldSet(string? path, EmvcoField[] fields)
    {
        Path = path;
        _fields = fields;
    }

    /// <summary>Dotted tag path of this template ("62", "26"), or null for the whole payload.</summary>
    public string? Path { get; }

    public int Count => _fields.Length;

    public EmvcoField this[int index] => _fields[index];

    public bool Contains(string tag) => IndexOf(tag) >= 0;

    public bool TryGetValue(string tag, [NotNullWhen(true)] out string? value)
    {
        var index = IndexOf(tag);
        value = index >= 0 ? _fields[index].Value : null;
        return value is not null;
    }

    public string? GetValueOrDefault(string tag) => TryGetValue(tag, out var value) ? value : null;

    /// <exception cref="QrFormatException">The tag is absent (<see cref="QrRejectionReason.MissingTag"/>).</exception>
    public string GetRequired(string tag) =>
        TryGetValue(tag, out var value)
            ? value
            : throw new QrFormatException(QrRejectionReason.MissingTag, $"Mandatory field {PathOf(tag)} is missing.", PathOf(tag));

    /// <exception cref="QrFormatException">A tag is absent (<see cref="QrRejectionReason.MissingTag"/>).</exception>
    public void RequireTags(params ReadOnlySpan<string> tags)
    {
        foreach (var tag in tags)
        {
            _ = GetRequired(tag);
        }
    }

    /// <summary>Parses the value of <paramref name="tag"/> as a nested template.</summary>
    /// <exception cref="QrFormatException">The tag is absent or its value is not well-formed TLV.</exception>
    public EmvcoFieldSet GetTemplate(string tag) => EmvcoParser.ParseTemplate(PathOf(tag), GetRequired(tag));

    public EmvcoFieldSet? GetTemplateOrDefault(string tag) =>
        TryGetValue(tag, out var value) ? EmvcoParser.ParseTemplate(PathOf(tag), value) : null;

    public IEnumerator<EmvcoField> GetEnumerator() => ((IEnumerable<EmvcoField>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string PathOf(string tag) => Path is null ? tag : $"{Path}.{tag}";

    private int IndexOf(string tag)
    {
        // A payload has at most a few dozen fields; a linear scan beats building a dictionary.
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(_fields[i].Tag, tag, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
