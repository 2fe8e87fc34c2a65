using Xunit.Abstractions;
using Xunit.Sdk;

namespace StreamPrivacy.Kafka.Tests.Infrastructure;

/// <summary>
/// One broker shared by the tests of the <see cref="KafkaBrokerCollection"/>, so a Testcontainers broker
/// is started once per run rather than per test. Fault-injection tests use private embedded clusters instead.
/// </summary>
public sealed class KafkaBrokerFixture : IAsyncLifetime
{
    private readonly IMessageSink _diagnostics;
    private KafkaTestBroker? _broker;

    /// <summary>xunit passes the diagnostic sink; the broker choice is reported there and to the console.</summary>
    /// <param name="diagnostics">xunit diagnostic message sink.</param>
    public KafkaBrokerFixture(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>The shared broker.</summary>
    public KafkaTestBroker Broker => _broker ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _broker = await KafkaTestBroker.StartAsync(line => _diagnostics.OnMessage(new DiagnosticMessage(line)));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
