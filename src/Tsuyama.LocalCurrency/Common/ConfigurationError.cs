namespace Tsuyama.LocalCurrency.Common;

/// <summary>
/// A setting that makes the host unable to start. Hosts print its message as one line and exit
/// non-zero instead of showing an operator a stack trace.
/// </summary>
public sealed class ConfigurationError(string message) : Exception(message);
