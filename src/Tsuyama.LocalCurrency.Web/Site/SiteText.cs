using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Domain;

namespace Tsuyama.LocalCurrency.Web.Site;

/// <summary>
/// Everything a page says about points, dates and failures, in the chosen language. A use case's
/// <see cref="Error"/> becomes a message beside the field it concerns (or above the form), so a
/// refused request re-renders the form with its input instead of a problem document.
/// </summary>
public sealed class SiteText(IStringLocalizerFactory factory, IOptions<LedgerOptions> ledger)
{
    // Each area keeps its texts in its own resource file (SharedResource for the residents' and shops'
    // app, the consoles in theirs); a key is looked up in the shared file first, then in the areas'.
    private readonly IStringLocalizer[] _localizers =
    [
        factory.Create(typeof(SharedResource)),
        factory.Create(typeof(CityResource)),
        factory.Create(typeof(CityPeopleResource)),
        factory.Create(typeof(ChamberResource)),
    ];

    public string this[string key] => Lookup(key, []);

    public string this[string key, params object[] args] => Lookup(key, args);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Points(long points) => this["Format.Points", points.ToString("N0", CultureInfo.InvariantCulture)];

    public string Yen(long yen) => this["Format.Yen", yen.ToString("N0", CultureInfo.InvariantCulture)];

    public static DateTimeOffset ToJapan(DateTimeOffset instant) => instant.ToOffset(JapanTime.Offset);

    public static DateTimeOffset ToJapan(System.DateTime utc) => ToJapan(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary><c>2026年12月2日 14:05</c> (JST, whatever the server's zone).</summary>
    public string DateTime(DateTimeOffset instant) =>
        ToJapan(instant).ToString(this["Format.DateTime"], CultureInfo.CurrentCulture);

    public string DateTime(System.DateTime utc) => DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public string Time(DateTimeOffset instant) => ToJapan(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateOnly day) => day.ToString(this["Format.Date"], CultureInfo.CurrentCulture);

    /// <summary>The names printed on the paper vouchers.</summary>
    public string Kind(PointKind kind) => this[kind == PointKind.General ? "Kind.General" : "Kind.SmallBusiness"];

    /// <summary>
    /// Puts <paramref name="error"/> into <paramref name="state"/>. <paramref name="fields"/> maps the
    /// use case's field names (and, for whole-request problems such as a taken e-mail address, its
    /// problem type) to the page's input names; anything unmapped goes above the form.
    /// </summary>
    public void AddTo(ModelStateDictionary state, Error error, IReadOnlyDictionary<string, string>? fields = null)
    {
        if (error.Fields is { Count: > 0 } problems)
        {
            foreach (var field in problems.Keys)
            {
                state.AddModelError(fields?.GetValueOrDefault(field) ?? "", FieldMessage(field));
            }

            return;
        }

        state.AddModelError(fields?.GetValueOrDefault(error.Type) ?? "", ProblemMessage(error));
    }

    public string FieldMessage(string field)
    {
        var message = Lookup($"Field.{field}", [ledger.Value.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)]);
        return message.ResourceNotFound ? this["Field.Invalid"] : message;
    }

    public string ProblemMessage(Error error)
    {
        var message = Lookup($"Problem.{error.Type}", []);
        return message.ResourceNotFound ? error.Title : message;
    }

    private LocalizedString Lookup(string key, object[] args)
    {
        foreach (var localizer in _localizers)
        {
            // Without arguments a text is not formatted: a "{0}" in it stays as written, as the localizer's own indexer does.
            var text = args.Length == 0 ? localizer[key] : localizer[key, args];
            if (!text.ResourceNotFound)
            {
                return text;
            }
        }

        // Not found anywhere: the shared localizer's answer (the key itself), flagged as not found.
        return args.Length == 0 ? _localizers[0][key] : _localizers[0][key, args];
    }
}
