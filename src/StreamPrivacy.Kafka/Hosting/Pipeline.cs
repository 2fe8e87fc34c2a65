using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>
/// One pipeline instance: the stages of DESIGN §2 wired to Kafka topics, each on its own
/// consume–transform–produce loop. Several instances with the same configuration share the work
/// through their consumer groups.
/// </summary>
public sealed class Pipeline
{
    private readonly ILogger _logger;

    private Pipeline(IReadOnlyList<StageRunner> stages, ILogger logger)
    {
        Stages = stages;
        _logger = logger;
    }

    /// <summary>The stage runners of this instance.</summary>
    public IReadOnlyList<StageRunner> Stages { get; }

    /// <summary>Counters of the sanitize stage.</summary>
    public StageCounters Sanitize => Stages[0].Counters;

    /// <summary>Builds the pipeline for <paramref name="bootstrapServers"/>.</summary>
    /// <exception cref="OptionsValidationException">The configuration or the policy is invalid.</exception>
    public static Pipeline Create(StreamPrivacyOptions options, string bootstrapServers, ILoggerFactory loggers, TimeProvider time, string? instanceId = null)
    {
        options.Validate();
        var logger = loggers.CreateLogger("StreamPrivacy.Pipeline");
        var keys = new KeyRing(options.Keys.Directory, options.Keys.Files, options.Keys.KeyIds, warning => logger.LogWarning("{Warning}", warning));
        SanitizePolicy policy;
        try
        {
            policy = options.PolicyFile is null ? PolicyLoader.Default : PolicyLoader.LoadFile(options.PolicyFile);
        }
        catch (PolicyException ex)
        {
            throw new OptionsValidationException(ex.Message, ex);
        }

        var factory = new SanitizerFactory(policy, keys, time);
        var sanitizer = factory.CreateEventSanitizer(new EventValidationOptions { MaxClockSkew = options.Processing.MaxClockSkew }, options.Processing.MaxDepth);
        var counters = new StageCounters(SanitizeProcessor.StageName);
        var deadLetters = new DeadLetterWriter(options.Topics.DeadLetter, SanitizeProcessor.StageName, new PayloadEncryptor(keys.Get(KeyNames.DeadLetter)), time);
        var processor = new SanitizeProcessor(options.Topics, options.Processing, sanitizer, AvroSchemaCatalog.Default, deadLetters, counters);
        var runner = new StageRunner(processor, RunnerOptions(options, bootstrapServers, processor.Name, instanceId), counters, loggers.CreateLogger("StreamPrivacy.Stage." + processor.Name));
        logger.LogInformation("Pipeline built: policy {Version} ({Source}), output {Format}", policy.Version, options.PolicyFile ?? "shipped default", options.Processing.OutputFormat);
        return new Pipeline([runner], logger);
    }

    /// <summary>Runs every stage until <paramref name="stoppingToken"/> is cancelled; a failing stage stops the others.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tasks = Stages.Select(s => s.RunAsync(linked.Token)).ToList();
        var first = await Task.WhenAny(tasks);
        if (first.IsFaulted)
        {
            _logger.LogError("A stage failed: {Error}; stopping the others", first.Exception?.InnerException?.Message);
        }

        await linked.CancelAsync();
        await Task.WhenAll(tasks);
    }

    private static StageRunnerOptions RunnerOptions(StreamPrivacyOptions options, string bootstrapServers, string stage, string? instanceId) => new()
    {
        BootstrapServers = bootstrapServers,
        GroupId = $"{options.Processing.GroupIdPrefix}-{stage}",
        ClientId = instanceId is null ? $"streamprivacy-{stage}" : $"streamprivacy-{stage}-{instanceId}",
        CommonProperties = options.Kafka.Properties,
        ConsumerProperties = options.Kafka.Consumer,
        ProducerProperties = options.Kafka.Producer,
        CommitInterval = options.Processing.CommitInterval,
        CommitEveryRecords = options.Processing.CommitEveryRecords,
        ShutdownTimeout = options.Processing.ShutdownTimeout,
    };
}
