namespace Tsuyama.LocalCurrency.Qr;

/// <summary>
/// Why a scanned or typed code was refused. Stable names: logs, metrics and API clients may
/// rely on them (the HTTP layer reports all of them as problem type <c>invalid-qr</c>).
/// </summary>
public enum QrRejectionReason
{
    Empty,
    PayloadTooLong,
    InvalidCharacters,
    NonNumericTagOrLength,
    Truncated,
    EmptyField,
    FieldTooLong,
    FieldLengthInvalid,
    DuplicateTag,
    MissingTag,
    UnsupportedFormatIndicator,
    InvalidInitiationMethod,
    CrcMissing,
    CrcNotLast,
    CrcMalformed,
    CrcMismatch,
    InvalidFieldValue,
    NotOurCode,
    WrongCurrency,
    WrongCountry,
    InvalidMerchantId,
    AmountMissing,
    AmountInvalid,
    AmountOnStaticCode,
    RequestIdMissing,
    RequestIdInvalid,
    PaymentCodeMalformed,
    PaymentCodeCheckDigit,
}
