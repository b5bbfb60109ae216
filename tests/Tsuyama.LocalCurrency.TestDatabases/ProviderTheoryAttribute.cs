using Tsuyama.LocalCurrency.Persistence;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Tsuyama.LocalCurrency.TestDatabases;

/// <summary>
/// A theory over <see cref="TestDatabase.Providers"/> (its first argument is the provider). A provider that
/// is not available here (PostgreSQL without its connection string) reports skipped with the reason: it
/// never passes without having run.
/// </summary>
[XunitTestCaseDiscoverer("Tsuyama.LocalCurrency.TestDatabases.ProviderTheoryDiscoverer", "Tsuyama.LocalCurrency.TestDatabases")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        dataRow is [DatabaseProvider provider, ..] && TestDatabase.Unavailable(provider) is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}
