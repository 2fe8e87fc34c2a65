using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Lineage;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages;
using StreamPrivacy.Kafka.Stages.Audit;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>
/// One pipeline instance: the stages of DESIGN §2 wired to Kafka topics, each on its own
/// consume–transform–produce loop. Several instances with the same configuration share the work
/// through their consumer groups.
/// </summary>
public sealed class Pipeline
{
    private readonly ILogger _logger;
    private Func<CancellationToken, (int Events, TimeSpan Elapsed)>? _warmup;

    private Pipeline(IReadOnlyList<StageRunner> stages, ILogger logger)
    {
        Stages = stages;
        _logger = logger;
    }

    /// <summary>The lineage publisher (OpenLineage events to the lineage topic), or null when disabled.</summary>
    public LineagePublisher? Lineage { get; private init; }

    /// <summary>The stage runners of this instance.</summary>
    public IReadOnlyList<StageRunner> Stages { get; }

    /// <summary>Counters of the sanitize stage.</summary>
    public StageCounters Sanitize { get; private init; } = null!;

    private IReadOnlyList<string> SanitizedTopics { get; init; } = [];

    /// <summary>The profile stage, or null when drift is disabled.</summary>
    public ProfileProcessor? ProfileStage { get; private init; }

    /// <summary>The release stage, or null when drift is disabled.</summary>
    public ReleaseProcessor? ReleaseStage { get; private init; }

    /// <summary>The sanitize stage's leakage checks, or null when disabled.</summary>
    public LeakageWatch? Leakage { get; private init; }

    /// <summary>True when drift is enabled and neither stage holds an open or pending window (as of their last tick).</summary>
    public bool DriftDrained => ProfileStage is { OpenWindows: 0 } && ReleaseStage is { PendingWindows: 0 };

    /// <summary>Records the sanitize stage wrote to the sanitized topics (its counters also include dead letters and audit entries).</summary>
    public long Sanitized => SanitizedTopics.Sum(t => Sanitize.ProducedByTopic.GetValueOrDefault(t));

    /// <summary>Counters of the profile stage, or null when drift is disabled.</summary>
    public StageCounters? Profile { get; private init; }

    /// <summary>Counters of the release stage, or null when drift is disabled.</summary>
    public StageCounters? Release { get; private init; }

    /// <summary>
    /// Builds the pipeline for <paramref name="bootstrapServers"/>. With <c>processing.guarantee</c>
    /// <c>exactly_once</c>, or <c>auto</c> on a broker that is not the embedded one, it first asks the
    /// broker once whether transactions work (<see cref="TransactionProbe"/>, up to 15 s while the
    /// transaction coordinator is unavailable) and builds every stage with the outcome.
    /// </summary>
    /// <param name="options">The configuration.</param>
    /// <param name="bootstrapServers">Kafka bootstrap servers.</param>
    /// <param name="loggers">Logger factory.</param>
    /// <param name="time">Clock.</param>
    /// <param name="instanceId">
    /// This instance's id (see <see cref="InstanceIds"/>), unique among live instances; null: a default
    /// unique per process (<see cref="InstanceIds.Default"/>).
    /// </param>
    /// <param name="nerBackend">
    /// Builds the detector for a policy's <c>free_text.ner</c> model (the CLI passes the ONNX backend); null: a
    /// policy naming a model is refused.
    /// </param>
    /// <exception cref="OptionsValidationException">The configuration, the policy or the instance id is invalid.</exception>
    /// <exception cref="StageFailedException">Exactly-once was requested and the broker refused transactions.</exception>
    public static Pipeline Create(StreamPrivacyOptions options, string bootstrapServers, ILoggerFactory loggers, TimeProvider time, string? instanceId = null, Func<NerModelSpec, IPiiDetector>? nerBackend = null) =>
        Create(options, bootstrapServers, loggers, time, instanceId, DefaultProbeBudget, nerBackend);

    /// <summary>As the public overload, with the time the transaction probe may wait for a coordinator.</summary>
    internal static Pipeline Create(StreamPrivacyOptions options, string bootstrapServers, ILoggerFactory loggers, TimeProvider time, string? instanceId, TimeSpan probeBudget, Func<NerModelSpec, IPiiDetector>? nerBackend = null)
    {
        options.Validate();
        var logger = loggers.CreateLogger("StreamPrivacy.Pipeline");
        string id;
        if (instanceId is null)
        {
            id = InstanceIds.Default();
            logger.LogInformation("Instance id {Id} (default: machine name and process id, unique per process; --instance-id or {Variable} give a stable one, so a restart continues its audit chain and fences its previous transactional producers at once)", id, InstanceIds.EnvironmentVariable);
        }
        else
        {
            InstanceIds.Validate(instanceId);
            id = instanceId;
            logger.LogInformation("Instance id {Id}", id);
        }

        var (exactlyOnce, guarantee) = DecideGuarantee(options, bootstrapServers, id, probeBudget, logger);
        var keys = new KeyRing(options.Keys.Directory, options.Keys.Files, options.Keys.KeyIds, warning => logger.LogWarning("{Warning}", warning));
        SanitizePolicy policy;
        string policyText;
        try
        {
            policyText = options.PolicyFile is null ? PolicyLoader.DefaultText : File.ReadAllText(options.PolicyFile);
            policy = options.PolicyFile is null ? PolicyLoader.Default : PolicyLoader.Parse(policyText, options.PolicyFile);
        }
        catch (PolicyException ex)
        {
            throw new OptionsValidationException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OptionsValidationException($"{options.PolicyFile}: cannot read the policy file ({ex.GetType().Name})", ex);
        }

        var lineage = options.Lineage.Enabled
            ? new LineagePublisher(options, bootstrapServers, policy.Version, PolicyHash(options), time, loggers.CreateLogger("StreamPrivacy.Lineage"))
            : null;
        foreach (var setting in policy.UnsafeSettings)
        {
            logger.LogWarning("Unsafe policy accepted with allow_unsafe: true: {Setting}", setting);
        }

        EventSanitizer sanitizer;
        try
        {
            var factory = new SanitizerFactory(policy, keys, time, nerBackend);
            sanitizer = factory.CreateEventSanitizer(new EventValidationOptions { MaxClockSkew = options.Processing.MaxClockSkew }, options.Processing.MaxDepth);
        }
        catch (PolicyException ex)
        {
            throw new OptionsValidationException(ex.Message, ex);
        }

        var counters = new StageCounters(SanitizeProcessor.StageName, time);
        var deadLetters = new DeadLetterWriter(options.Topics.DeadLetter, SanitizeProcessor.StageName, new PayloadEncryptor(keys.Get(KeyNames.DeadLetter)), time);
        var sanitizeLogger = loggers.CreateLogger("StreamPrivacy.Stage." + SanitizeProcessor.StageName);

        var drift = options.Drift.Enabled && options.Drift.References.Count > 0;
        var auditKey = keys.Get(KeyNames.Audit);
        var startup = StartupAuditEntries(policy.Version, policyText, keys, drift && options.Drift.ParsedMechanism != ReleaseMechanism.None);
        var sanitizeReader = RunnerOptions(options, bootstrapServers, SanitizeProcessor.StageName, id, exactlyOnce);
        var sanitizeAudit = new AuditWriter(
            $"{SanitizeProcessor.StageName}/{id}",
            options.Topics.Ledger,
            auditKey,
            () => TopicSnapshotReader.ReadAll(sanitizeReader, options.Topics.Ledger, options.Processing.ShutdownTimeout),
            time,
            sanitizeLogger,
            startup);

        var leakage = options.Leakage.Enabled ? CreateLeakageWatch(options, time, keys) : null;
        (int, TimeSpan) Warmup(CancellationToken ct) => TransformWarmup.Run(sanitizer, leakage?.Canaries, options.Processing.WarmupEvents, TimeSpan.FromSeconds(3), ct);

        // processing.threads consumers in the sanitize group, like Kafka Streams' stream threads:
        // partitions are shared among them, each with its own processor, producer and transactions.
        // The first one writes the audit chain and the leakage alerts of the shared leakage watch.
        var runners = Enumerable.Range(0, options.Processing.Threads).Select(thread =>
        {
            // One processor per worker thread (SanitizeProcessor is not thread-safe; the sanitizer and the leakage watch are).
            var threadId = options.Processing.Threads == 1 ? id : $"{id}-t{thread}";
            return new StageRunner(
                () => new SanitizeProcessor(options.Topics, options.Processing, sanitizer, AvroSchemaCatalog.Default, deadLetters, counters, leakage),
                RunnerOptions(options, bootstrapServers, SanitizeProcessor.StageName, threadId, exactlyOnce, options.Processing.Workers, thread == 0 ? StageHooks.Combine(sanitizeAudit, leakage) : null),
                counters,
                sanitizeLogger);
        }).ToList();
        logger.LogInformation("Pipeline built: policy {Version} ({Source}), output {Format}, {Guarantee}, {Threads} sanitize thread(s) with {Workers} worker(s) each", policy.Version, options.PolicyFile ?? "shipped default", options.Processing.OutputFormat, guarantee, options.Processing.Threads, options.Processing.Workers);
        string[] sanitizedTopics = [options.Topics.InferenceSanitized, options.Topics.FeaturesSanitized];
        if (!drift)
        {
            return new Pipeline(runners, logger) { Sanitize = counters, SanitizedTopics = sanitizedTopics, Leakage = leakage, Lineage = lineage, _warmup = Warmup };
        }

        var (profile, release) = CreateDriftStages(options, bootstrapServers, loggers, time, id, exactlyOnce, keys, auditKey, policy.Version, logger);
        if (lineage is not null)
        {
            ((ReleaseProcessor)release.Processor).LineageRunning = budget => lineage.Running(ReleaseProcessor.StageName, budget, release.Counters);
        }

        return new Pipeline([.. runners, profile, release], logger)
        {
            SanitizedTopics = sanitizedTopics,
            Lineage = lineage,
            Sanitize = counters,
            Profile = profile.Counters,
            Release = release.Counters,
            ProfileStage = (ProfileProcessor)profile.Processor,
            ReleaseStage = (ReleaseProcessor)release.Processor,
            Leakage = leakage,
            _warmup = Warmup,
        };
    }

    private static LeakageWatch CreateLeakageWatch(StreamPrivacyOptions options, TimeProvider time, KeyRing keys)
    {
        CanarySet canaries;
        try
        {
            canaries = options.Leakage.CanariesFile is { } file
                ? CanarySet.FromLines(keys.Get(KeyNames.Canary), File.ReadAllLines(file))
                : CanarySet.Empty(SecretKey.Generate(KeyNames.Canary));
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new OptionsValidationException($"leakage.canaries_file: {ex.Message}", ex);
        }

        return new LeakageWatch(options.Leakage.ToSettings(), canaries, options.Topics.LeakageAlerts, options.Processing.MaxDepth, time);
    }

    // policy_load (version and SHA-256 of the policy text) and the ids of the keys in use: ids only, never key material.
    private static List<(AuditEntryKind, AuditSubject)> StartupAuditEntries(string policyVersion, string policyText, KeyRing keys, bool noise)
    {
        var entries = new List<(AuditEntryKind, AuditSubject)>
        {
            (AuditEntryKind.PolicyLoad, new AuditSubject
            {
                PolicyVersion = policyVersion,
                PolicyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policyText))),
                Outcome = "loaded",
            }),
        };
        string[] names = noise ? [KeyNames.Pseudonym, KeyNames.DeadLetter, KeyNames.Noise] : [KeyNames.Pseudonym, KeyNames.DeadLetter];
        foreach (var name in names)
        {
            entries.Add((AuditEntryKind.KeyRotation, new AuditSubject { KeyName = name, KeyId = keys.Get(name).KeyId, Outcome = "in_use" }));
        }

        return entries;
    }

    private static (StageRunner Profile, StageRunner Release) CreateDriftStages(StreamPrivacyOptions options, string bootstrapServers, ILoggerFactory loggers, TimeProvider time, string instanceId, bool exactlyOnce, KeyRing keys, SecretKey auditKey, string policyVersion, ILogger logger)
    {
        var drift = options.Drift;
        var references = new Dictionary<string, ReferenceProfile>(StringComparer.Ordinal);
        foreach (var (model, file) in drift.References)
        {
            try
            {
                references[model] = ReferenceProfileFile.Load(file, drift.Bins);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new OptionsValidationException($"drift.references.{model}: {ex.Message}", ex);
            }

            logger.LogInformation("Reference profile for {Model}: {Features} features, hash {Hash}", model, references[model].Features.Count, references[model].ContentHash);
        }

        if (drift.ParsedMechanism == ReleaseMechanism.None)
        {
            logger.LogWarning("drift.mechanism is 'none': drift metrics are released WITHOUT differential privacy");
        }

        var profileCounters = new StageCounters(ProfileProcessor.StageName, time);
        var profileDeadLetters = new DeadLetterWriter(options.Topics.DeadLetter, ProfileProcessor.StageName, new PayloadEncryptor(keys.Get(KeyNames.DeadLetter)), time);
        var profileLogger = loggers.CreateLogger("StreamPrivacy.Stage." + ProfileProcessor.StageName);
        var profile = new ProfileProcessor(options.Topics, drift, options.Processing, references, AvroSchemaCatalog.Default, profileDeadLetters, profileCounters, time, profileLogger);
        var profileRunner = new StageRunner(profile, RunnerOptions(options, bootstrapServers, profile.Name, instanceId, exactlyOnce), profileCounters, profileLogger);

        var releaseCounters = new StageCounters(ReleaseProcessor.StageName, time);
        var releaseLogger = loggers.CreateLogger("StreamPrivacy.Stage." + ReleaseProcessor.StageName);
        var ledgerReader = RunnerOptions(options, bootstrapServers, ReleaseProcessor.StageName, instanceId, exactlyOnce);
        Func<IReadOnlyList<SnapshotRecord>> readLedger = () => TopicSnapshotReader.ReadAll(ledgerReader, options.Topics.Ledger, options.Processing.ShutdownTimeout);
        var audit = new AuditWriter($"{ReleaseProcessor.StageName}/{instanceId}", options.Topics.Ledger, auditKey, readLedger, time, releaseLogger);
        var releaseOptions = RunnerOptions(options, bootstrapServers, ReleaseProcessor.StageName, instanceId, exactlyOnce, hooks: audit);
        var noiseKey = drift.ParsedMechanism == ReleaseMechanism.None ? null : keys.Get(KeyNames.Noise);
        var release = new ReleaseProcessor(
            options.Topics,
            drift,
            references,
            policyVersion,
            noiseKey,
            readLedger,
            releaseCounters,
            time,
            releaseLogger)
        {
            Audit = audit,
        };
        return (profileRunner, new StageRunner(release, releaseOptions, releaseCounters, releaseLogger));
    }

    private static string PolicyHash(StreamPrivacyOptions options)
    {
        var text = options.PolicyFile is null ? Encoding.UTF8.GetBytes(PolicyLoader.DefaultText) : File.ReadAllBytes(options.PolicyFile);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(text));
    }

    /// <summary>
    /// True when <paramref name="options"/> ask for exactly-once (transactions): <c>exactly_once</c>, or
    /// <c>auto</c> with a broker that is not the embedded one. <see cref="Create(StreamPrivacyOptions, string, ILoggerFactory, TimeProvider, string?, Func{NerModelSpec, IPiiDetector}?)"/>
    /// then probes the broker; under <c>auto</c> the stages may still run at-least-once.
    /// </summary>
    /// <exception cref="OptionsValidationException">Exactly-once was requested on the embedded cluster.</exception>
    public static bool ExactlyOnce(StreamPrivacyOptions options) => options.Processing.Guarantee switch
    {
        "exactly_once" when options.Kafka.UseEmbedded => throw new OptionsValidationException(
            "processing.guarantee: exactly_once needs a broker with transactions; the embedded cluster has no transaction isolation (use at_least_once or auto)"),
        "exactly_once" => true,
        "auto" => !options.Kafka.UseEmbedded,
        _ => false,
    };

    /// <summary>Runs every stage until <paramref name="stoppingToken"/> is cancelled; a failing stage stops the others.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stageGauge = StreamPrivacyTelemetry.ObserveStages(Stages);
        using var budgetGauges = ReleaseStage is { } release
            ? StreamPrivacyTelemetry.ObserveBudgets(() => StreamBudget.Latest(release.Budgets, release.BudgetOptions))
            : null;
        var stageNames = Stages.Select(s => s.Processor.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in stageNames)
        {
            Lineage?.Start(name);
        }

        // Before consuming, the JIT compiles the transform on synthetic events (bounded; see TransformWarmup).
        if (_warmup is { } warmup)
        {
            var (events, elapsed) = await Task.Run(() => warmup(linked.Token), CancellationToken.None);
            _logger.LogInformation("Transform warm-up: {Events} synthetic events in {Ms:0} ms", events, elapsed.TotalMilliseconds);
        }

        var tasks = Stages.Select(s => s.RunAsync(linked.Token)).ToList();
        var first = await Task.WhenAny(tasks);
        if (first.IsFaulted)
        {
            _logger.LogError("A stage failed: {Error}; stopping the others", first.Exception?.InnerException?.Message);
        }

        await linked.CancelAsync();
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            ReportEnd(tasks);
        }
    }

    // COMPLETE for stages that stopped gracefully, FAIL (with the error) for those that crashed.
    private void ReportEnd(List<Task> tasks)
    {
        if (Lineage is null)
        {
            return;
        }

        foreach (var group in Stages.Select((stage, i) => (stage, task: tasks[i])).GroupBy(x => x.stage.Processor.Name, StringComparer.Ordinal))
        {
            var failed = group.FirstOrDefault(x => x.task.IsFaulted);
            var counters = group.First().stage.Counters;
            if (failed.task is { Exception: { } error })
            {
                Lineage.Fail(group.Key, counters, error.InnerException ?? error);
            }
            else
            {
                Lineage.Complete(group.Key, counters);
            }
        }

        Lineage.Dispose();
    }

    // One decision for every stage (a per-stage fallback could leave some stages exactly-once and
    // others not, e.g. while the coordinator loads after a broker restart).
    private static (bool ExactlyOnce, string Description) DecideGuarantee(StreamPrivacyOptions options, string bootstrapServers, string instanceId, TimeSpan probeBudget, ILogger logger)
    {
        if (!ExactlyOnce(options))
        {
            return (false, options.Processing.Guarantee == "auto" ? "at-least-once (auto: the embedded cluster has no transactions)" : "at-least-once");
        }

        var probe = TransactionProbe.Run(KafkaClientConfigs.Producer(RunnerOptions(options, bootstrapServers, "probe", instanceId, exactlyOnce: true)), probeBudget, logger);
        if (probe.Support == TransactionSupport.Supported)
        {
            return (true, "exactly-once");
        }

        if (options.Processing.Guarantee == "auto" && probe.AllowsFallback)
        {
            logger.LogWarning("processing.guarantee auto: running AT-LEAST-ONCE because {Reason}", probe.Reason);
            return (false, "at-least-once (auto: the broker refused transactions)");
        }

        throw new StageFailedException($"processing.guarantee {options.Processing.Guarantee}: exactly-once is not possible because {probe.Reason}");
    }

    private static readonly TimeSpan DefaultProbeBudget = TimeSpan.FromSeconds(15);

    private static StageRunnerOptions RunnerOptions(StreamPrivacyOptions options, string bootstrapServers, string stage, string instanceId, bool exactlyOnce, int workers = 1, IStageHooks? hooks = null) => new()
    {
        Hooks = hooks,
        Workers = workers,
        ExactlyOnce = exactlyOnce,
        TransactionalId = $"{options.Processing.GroupIdPrefix}-{stage}-{instanceId}",
        BootstrapServers = bootstrapServers,
        GroupId = $"{options.Processing.GroupIdPrefix}-{stage}",
        ClientId = $"streamprivacy-{stage}-{instanceId}",
        CommonProperties = options.Kafka.Properties,
        ConsumerProperties = options.Kafka.Consumer,
        ProducerProperties = options.Kafka.Producer,
        CommitInterval = options.Processing.CommitInterval,
        CommitEveryRecords = options.Processing.CommitEveryRecords,
        ShutdownTimeout = options.Processing.ShutdownTimeout,
    };
}
