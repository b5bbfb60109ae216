using System.Text.Json;
using System.Text.Json.Serialization;
using Tsuyama.LocalCurrency.Features.Payments.Pay;
using Tsuyama.LocalCurrency.Web.Endpoints;

namespace Tsuyama.LocalCurrency.Web.Http;

/// <summary>
/// Serialisation metadata for the payment request and answer, generated at build time: the hottest route reads and
/// writes these on every request. First in the options' resolver chain, so the configured options (camel case,
/// enums as camel-case strings) still apply; every other type falls through to reflection as before.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ResidentEndpoints.PaymentRequestBody))]
[JsonSerializable(typeof(PaymentMade))]
internal sealed partial class PaymentJson : JsonSerializerContext;
