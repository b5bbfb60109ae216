using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tsuyama.LocalCurrency.Common;
using Tsuyama.LocalCurrency.Web.Site;

namespace Tsuyama.LocalCurrency.Web.Pages.City;

/// <summary>
/// A use case's refusal on a city console form, in Japanese beside the field it concerns. Field
/// messages are looked up as <c>Field.{area}.{field}</c> so a program's <c>name</c> or <c>code</c> never
/// takes another screen's text; whole-request problems first as <c>City.Problem.{type}</c>.
/// </summary>
public static class CityForms
{
    public static void AddErrors(this SiteText text, ModelStateDictionary state, Error error, string area, IReadOnlyDictionary<string, string> fields)
    {
        // Binding errors ("abc" in a number) carry framework texts; the use case's own check of the same input says it better.
        state.Clear();
        if (error.Fields is { Count: > 0 } problems)
        {
            foreach (var field in problems.Keys)
            {
                state.AddModelError(fields.GetValueOrDefault(field) ?? "", text.FieldMessage($"{area}.{field}"));
            }

            return;
        }

        var key = $"City.Problem.{error.Type}";
        var message = text[key];
        state.AddModelError(fields.GetValueOrDefault(error.Type) ?? "", message == key ? text.ProblemMessage(error) : message);
    }
}
