using k8s.Models;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Kafka.Configuration;
using YamlDotNet.RepresentationModel;

namespace StreamPrivacy.Kafka.Tests.Deployment;

/// <summary>
/// The kustomize manifests under k8s/: every document loads with KubernetesClient's strict loader,
/// the pod is locked down, and the ConfigMap's config and policy are valid for this product.
/// </summary>
public sealed class ManifestTests
{
    private const string Base = "base";
    private static readonly K8sManifests M = K8sManifests.Instance;

    private static V1Deployment Deployment => M.SingleOf<V1Deployment>(Base);

    private static V1PodSpec Pod => Deployment.Spec.Template.Spec;

    private static V1Container Container => Assert.Single(Pod.Containers);

    private static V1ConfigMap ConfigMap => Assert.Single(M.OfType<V1ConfigMap>(Base), c => c.Metadata.Name == "streamprivacy-config");

    [Fact]
    public void EveryDocument_Loads_AndHasAKnownKind()
    {
        Assert.NotEmpty(M.Documents);
        Assert.All(M.Documents, d => Assert.NotNull(d.Document));
        Assert.Contains(M.Documents, d => d.File == "base/kustomization.yaml");
        Assert.Contains(M.Documents, d => d.File == "overlays/production/kustomization.yaml");
    }

    [Fact]
    public void Kustomization_ListsEveryBaseFile_AndImageIsAPlaceholder()
    {
        var kustomization = M.SingleOf<Kustomization>(Base);
        var baseFiles = M.Documents.Select(d => d.File)
            .Where(f => f.StartsWith("base/", StringComparison.Ordinal) && f != "base/kustomization.yaml")
            .Select(f => f["base/".Length..]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(baseFiles.Order(StringComparer.Ordinal), kustomization.Resources.Order(StringComparer.Ordinal));
        Assert.Equal("streamprivacy:latest", Container.Image);
        Assert.Contains(kustomization.Images, i => i.Name == "streamprivacy");
    }

    [Fact]
    public void Deployment_RunsNonRoot_ReadOnly_WithoutPrivileges()
    {
        Assert.Equal("streamprivacy", Deployment.Metadata.Name);
        var pod = Pod.SecurityContext;
        Assert.True(pod.RunAsNonRoot);
        Assert.Equal(10001, pod.RunAsUser);
        Assert.NotNull(pod.FsGroup);
        Assert.Equal("RuntimeDefault", pod.SeccompProfile.Type);
        Assert.False(Pod.AutomountServiceAccountToken);

        var c = Container.SecurityContext;
        Assert.True(c.ReadOnlyRootFilesystem);
        Assert.False(c.AllowPrivilegeEscalation);
        Assert.NotEqual(true, c.Privileged);
        Assert.Equal(["ALL"], c.Capabilities.Drop);
        Assert.True(c.Capabilities.Add is null || c.Capabilities.Add.Count == 0);

        // The only writable path is an emptyDir at /tmp.
        var tmp = Assert.Single(Container.VolumeMounts, m => m.ReadOnlyProperty != true);
        Assert.Equal("/tmp", tmp.MountPath);
        Assert.NotNull(Assert.Single(Pod.Volumes, v => v.Name == tmp.Name).EmptyDir);

        var account = Assert.Single(M.OfType<V1ServiceAccount>(Base));
        Assert.Equal(Pod.ServiceAccountName, account.Metadata.Name);
        Assert.False(account.AutomountServiceAccountToken);
    }

    [Fact]
    public void Deployment_ProbesHealthPort_ExposesMetrics_SetsResources()
    {
        Assert.Equal(["run", "--config", "/etc/streamprivacy/config.yaml"], Container.Args.Take(3));
        var health = Assert.Single(Container.Ports, p => p.Name == "health");
        var metrics = Assert.Single(Container.Ports, p => p.Name == "metrics");
        Assert.Equal(8080, health.ContainerPort);
        Assert.Equal(9464, metrics.ContainerPort);

        Assert.Equal("/healthz", Container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", Container.ReadinessProbe.HttpGet.Path);
        foreach (var probe in new[] { Container.LivenessProbe, Container.ReadinessProbe, Container.StartupProbe }.Where(p => p is not null))
        {
            Assert.Contains(probe.HttpGet.Port.Value, new[] { "health", "8080" });
        }

        var annotations = Deployment.Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal("9464", annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        var service = Assert.Single(M.OfType<V1Service>(Base));
        Assert.Equal(9464, Assert.Single(service.Spec.Ports).Port);
        AssertSelects(service.Spec.Selector, Deployment);

        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(Container.Resources.Requests.ContainsKey(resource), "request " + resource);
            Assert.True(Container.Resources.Limits.ContainsKey(resource), "limit " + resource);
        }
    }

    [Fact]
    public void ConfigMap_Config_ParsesWithTheProductLoader_AndMatchesThePod()
    {
        var yaml = ConfigMap.Data["config.yaml"];
        var options = OptionsLoader.Parse(yaml, "configmap");

        Assert.Equal("streamprivacy-kafka-kafka-bootstrap.kafka.svc:9093", options.Kafka.BootstrapServers);
        Assert.Equal("SASL_SSL", options.Kafka.Properties["security.protocol"]);
        Assert.Equal("SCRAM-SHA-512", options.Kafka.Properties["sasl.mechanism"]);
        Assert.Equal("streamprivacy", options.Kafka.Properties["sasl.username"]);
        Assert.DoesNotContain("sasl.password", options.Kafka.Properties.Keys); // comes from the Secret
        Assert.Equal(new TopicOptions().All, options.Topics.All);

        // Mount paths: config, keys (read-only Secret), CA file.
        Assert.Equal("/etc/streamprivacy/policy.yaml", options.PolicyFile);
        AssertMountedFrom("/etc/streamprivacy", v => v.ConfigMap?.Name == ConfigMap.Metadata.Name);
        Assert.Equal("/run/secrets/streamprivacy", options.Keys.Directory);
        AssertMountedFrom(options.Keys.Directory!, v => v.Secret?.SecretName == "streamprivacy-keys");
        Assert.StartsWith("/etc/kafka-ca/", options.Kafka.Properties["ssl.ca.location"], StringComparison.Ordinal);
        AssertMountedFrom("/etc/kafka-ca", v => v.Secret is not null);

        // SIGTERM: the pipeline's own shutdown timeout must end before the kubelet kills it.
        Assert.Equal(TimeSpan.FromSeconds(30), options.Processing.ShutdownTimeout);
        Assert.True(Pod.TerminationGracePeriodSeconds > 30);
        Assert.True(TimeSpan.FromSeconds(Pod.TerminationGracePeriodSeconds!.Value) > options.Processing.ShutdownTimeout);

        // The telemetry ports the program listens on are the pod's named ports.
        var telemetry = (YamlMappingNode)RootOf(yaml).Children[new YamlScalarNode("telemetry")];
        Assert.Equal("8080", telemetry.Children[new YamlScalarNode("health_port")].ToString());
        Assert.Equal("9464", telemetry.Children[new YamlScalarNode("prometheus_port")].ToString());
        Assert.Contains(telemetry.Children.Keys, k => k.ToString() == "otlp_endpoint");
    }

    [Fact]
    public void ConfigMap_Policy_IsTheShippedDefault_AndParses()
    {
        var text = ConfigMap.Data["policy.yaml"];
        var policy = PolicyLoader.Parse(text, "configmap policy.yaml");
        Assert.Equal(PolicyLoader.Default.Version, policy.Version);
        Assert.Equal(Normalize(PolicyLoader.DefaultText), Normalize(text));
        Assert.Equal(ConfigMap.Data.Keys.Order(StringComparer.Ordinal), ["config.yaml", "policy.yaml"]);
    }

    [Fact]
    public void NoSecretMaterial_IsCommitted()
    {
        foreach (var secret in M.OfType<V1Secret>())
        {
            Assert.True(secret.Data is null || secret.Data.Count == 0, secret.Metadata.Name);
            Assert.True(secret.StringData is null || secret.StringData.Count == 0, secret.Metadata.Name);
        }

        var keys = Assert.Single(Pod.Volumes, v => v.Secret?.SecretName == "streamprivacy-keys");
        Assert.Equal(keys.Name, Assert.Single(Container.VolumeMounts, m => m.MountPath == "/run/secrets/streamprivacy").Name);
        var password = Assert.Single(Container.Env, e => e.Name == "STREAMPRIVACY_KAFKA_SASL_PASSWORD").ValueFrom.SecretKeyRef;
        Assert.Equal("streamprivacy", password.Name); // the Strimzi KafkaUser's Secret
        Assert.Equal("password", password.Key);
        Assert.DoesNotContain(Container.Args, a => a.Contains("password", StringComparison.OrdinalIgnoreCase)); // not in the process list
        var fromEnvironment = new StreamPrivacy.Kafka.Configuration.KafkaOptions();
        Assert.Equal(["sasl.password"], fromEnvironment.ApplyEnvironment(new System.Collections.Hashtable { ["STREAMPRIVACY_KAFKA_SASL_PASSWORD"] = "x", ["OTHER"] = "y" }));
        Assert.Equal("x", fromEnvironment.Properties["sasl.password"]);
    }

    [Fact]
    public void Deployment_InstanceId_IsThePodName()
    {
        // Unique among live pods: transactional ids and audit chains must not collide across replicas.
        var instance = Assert.Single(Container.Env, e => e.Name == StreamPrivacy.Kafka.Hosting.InstanceIds.EnvironmentVariable);
        Assert.Null(instance.Value);
        Assert.Equal("metadata.name", instance.ValueFrom.FieldRef.FieldPath);
        Assert.DoesNotContain(Container.Args, a => a.StartsWith("--instance-id", StringComparison.Ordinal));
    }

    [Fact]
    public void NetworkPolicy_AllowsOnlyMonitoringIn_AndKafkaDnsOtlpOut()
    {
        var policy = Assert.Single(M.OfType<V1NetworkPolicy>(Base));
        AssertSelects(policy.Spec.PodSelector.MatchLabels, Deployment);
        Assert.Equal(["Ingress", "Egress"], policy.Spec.PolicyTypes);

        var ingress = Assert.Single(policy.Spec.Ingress);
        Assert.Equal("monitoring", Assert.Single(ingress.FromProperty).NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal(["8080", "9464"], ingress.Ports.Select(p => p.Port.Value).Order(StringComparer.Ordinal));

        var egress = policy.Spec.Egress.ToDictionary(
            r => Assert.Single(r.To).NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"],
            r => r.Ports.Select(p => p.Port.Value).Distinct().Single());
        Assert.Equal(new Dictionary<string, string> { ["kafka"] = "9093", ["kube-system"] = "53", ["observability"] = "4317" }, egress);
    }

    [Fact]
    public void PodDisruptionBudget_SelectsThePods_MaxUnavailableOne()
    {
        var pdb = Assert.Single(M.OfType<V1PodDisruptionBudget>(Base));
        Assert.Equal("1", pdb.Spec.MaxUnavailable.Value);
        AssertSelects(pdb.Spec.Selector.MatchLabels, Deployment);
    }

    [Fact]
    public void ScaledObject_ScalesTheDeployment_OnSanitizeLag_WithinPartitions()
    {
        var options = OptionsLoader.Parse(ConfigMap.Data["config.yaml"], "configmap");
        var scaled = M.SingleOf<ScaledObject>(Base);
        Assert.Equal(Deployment.Metadata.Name, scaled.Spec.ScaleTargetRef.Name);
        Assert.InRange(scaled.Spec.MinReplicaCount, 1, scaled.Spec.MaxReplicaCount);
        Assert.Null(Deployment.Spec.Replicas); // the ScaledObject owns the replica count

        var partitions = M.OfType<KafkaTopic>(Base).ToDictionary(t => t.TopicName, t => t.Spec.Partitions);
        var auths = M.OfType<TriggerAuthentication>(Base).ToDictionary(a => a.Metadata.Name);
        Assert.NotEmpty(scaled.Spec.Triggers);
        foreach (var trigger in scaled.Spec.Triggers)
        {
            Assert.Equal("kafka", trigger.Type);
            Assert.Equal(options.Processing.GroupIdPrefix + "-sanitize", trigger.Metadata["consumerGroup"]);
            Assert.Equal(options.Kafka.BootstrapServers, trigger.Metadata["bootstrapServers"]);
            Assert.Contains(trigger.Metadata["topic"], new[] { options.Topics.InferenceRaw, options.Topics.FeaturesRaw });
            Assert.True(int.Parse(trigger.Metadata["lagThreshold"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(scaled.Spec.MaxReplicaCount <= partitions[trigger.Metadata["topic"]], "maxReplicaCount <= partitions");
            Assert.Equal("scram_sha512", trigger.Metadata["sasl"]);
            var auth = auths[trigger.AuthenticationRef!.Name];
            Assert.Equal(["ca", "password", "username"], auth.Spec.SecretTargetRef.Select(r => r.Parameter).Order(StringComparer.Ordinal));
        }
        Assert.Contains(scaled.Spec.Triggers, t => t.Metadata["topic"] == "ml.inference.raw");
    }

    private static YamlMappingNode RootOf(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static void AssertMountedFrom(string mountPath, Func<V1Volume, bool> source)
    {
        var mount = Assert.Single(Container.VolumeMounts, m => m.MountPath == mountPath);
        Assert.True(mount.ReadOnlyProperty, mountPath + " read-only");
        Assert.True(source(Assert.Single(Pod.Volumes, v => v.Name == mount.Name)), mountPath + " source");
    }

    private static void AssertSelects(IDictionary<string, string> selector, V1Deployment deployment)
    {
        Assert.NotEmpty(selector);
        var labels = deployment.Spec.Template.Metadata.Labels;
        Assert.All(selector, kv => Assert.Equal(kv.Value, labels[kv.Key]));
        Assert.Equal(deployment.Spec.Selector.MatchLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal), selector.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
