using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Kafka.Tests.Deployment;

/// <summary>Strimzi KafkaTopic retention classes and the KafkaUser ACL table (least privilege).</summary>
public sealed class StrimziManifestTests
{
    private const string Cluster = "streamprivacy-kafka";
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;
    private static readonly K8sManifests M = K8sManifests.Instance;
    private static readonly TopicOptions T = new();

    [Fact]
    public void EveryTopic_HasAKafkaTopic_WithItsRetentionClass()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [T.InferenceRaw] = $"delete {6 * Hour}",
            [T.FeaturesRaw] = $"delete {6 * Hour}",
            [T.InferenceSanitized] = $"delete {7 * Day}",
            [T.FeaturesSanitized] = $"delete {7 * Day}",
            [T.Metrics] = $"delete {30 * Day}",
            [T.DriftAlerts] = $"delete {30 * Day}",
            [T.LeakageAlerts] = $"delete {30 * Day}",
            [T.Lineage] = $"delete {30 * Day}",
            [T.Partials] = $"delete {1 * Day}",
            [T.Ledger] = "compact -1",
            [T.DeadLetter] = $"delete {14 * Day}",
        };
        var topics = M.OfType<KafkaTopic>("base").ToList();
        Assert.Equal(T.All.Order(StringComparer.Ordinal), topics.Select(t => t.TopicName).Order(StringComparer.Ordinal));
        foreach (var topic in topics)
        {
            Assert.Equal("kafka.strimzi.io/v1beta2", topic.ApiVersion);
            Assert.Equal(Cluster, topic.Metadata.Labels["strimzi.io/cluster"]);
            Assert.Equal(6, topic.Spec.Partitions);
            Assert.Equal(3, topic.Spec.Replicas);
            Assert.Equal("2", topic.Spec.Config["min.insync.replicas"]);
            var actual = $"{topic.Spec.Config["cleanup.policy"]} {topic.Spec.Config["retention.ms"]}";
            Assert.True(expected[topic.TopicName] == actual, $"{topic.TopicName}: expected {expected[topic.TopicName]}, got {actual}");
        }
    }

    [Fact]
    public void KafkaUsers_Acls_AreExactlyTheLeastPrivilegeTable()
    {
        // user -> topic -> "R", "W" or "RW" (Describe is not data access and is not listed).
        var expected = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["streamprivacy"] = new(StringComparer.Ordinal)
            {
                [T.InferenceRaw] = "R", [T.FeaturesRaw] = "R",
                [T.InferenceSanitized] = "RW", [T.FeaturesSanitized] = "RW",
                [T.Partials] = "RW", [T.Ledger] = "RW",
                [T.Metrics] = "W", [T.DriftAlerts] = "W", [T.LeakageAlerts] = "W", [T.Lineage] = "W", [T.DeadLetter] = "W",
            },
            ["dashboards"] = new(StringComparer.Ordinal) { [T.Metrics] = "R" },
            ["alerting"] = new(StringComparer.Ordinal) { [T.DriftAlerts] = "R", [T.LeakageAlerts] = "R" },
            ["ml-producers"] = new(StringComparer.Ordinal) { [T.InferenceRaw] = "W", [T.FeaturesRaw] = "W" },
            ["streamprivacy-keda"] = new(StringComparer.Ordinal),
        };

        var actual = AccessTable();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (user, topics) in expected)
        {
            Assert.Equal(Format(topics), Format(actual[user]));
        }

        // The same facts, as the rules they come from.
        string[] raw = [T.InferenceRaw, T.FeaturesRaw];
        Assert.Equal(["streamprivacy"], UsersWith(actual, raw, 'R'));
        Assert.Equal(["streamprivacy"], UsersWith(actual, [T.Ledger, T.Partials, T.DeadLetter], 'R', 'W'));
        Assert.Equal(["dashboards", "streamprivacy"], UsersWith(actual, [T.Metrics], 'R', 'W'));
        Assert.All(actual["ml-producers"].Values, v => Assert.Equal("W", v));
    }

    [Fact]
    public void KafkaUsers_AuthenticateWithScram_AndScopeGroupsAndTransactions()
    {
        var users = M.OfType<KafkaUser>("base").ToDictionary(u => u.Metadata.Name);
        foreach (var user in users.Values)
        {
            Assert.Equal(Cluster, user.Metadata.Labels["strimzi.io/cluster"]);
            Assert.Equal("scram-sha-512", user.Spec.Authentication.Type);
            Assert.Equal("simple", user.Spec.Authorization.Type);
            Assert.All(user.Spec.Authorization.Acls, a => Assert.Equal("allow", a.Type));
            Assert.DoesNotContain(user.Spec.Authorization.Acls, a => a.Operations.Contains("All") || a.Resource.Name == "*");
        }

        var pipeline = users["streamprivacy"].Spec.Authorization.Acls;
        var prefix = new ProcessingOptions().GroupIdPrefix;
        Assert.Contains(pipeline, a => a.Resource is { Type: "group", PatternType: "prefix" } && a.Resource.Name == prefix && a.Operations.Contains("Read"));
        Assert.Contains(pipeline, a => a.Resource is { Type: "transactionalId", PatternType: "prefix" } && a.Resource.Name == prefix && a.Operations.Contains("Write"));
        Assert.Contains(pipeline, a => a.Resource.Type == "cluster" && a.Operations.SequenceEqual(["IdempotentWrite"]));

        // Readers get their own group prefix only; KEDA can only Describe.
        foreach (var (user, group) in new[] { ("dashboards", "dashboards"), ("alerting", "alerting") })
        {
            var groups = users[user].Spec.Authorization.Acls.Where(a => a.Resource.Type == "group");
            Assert.Equal(group, Assert.Single(groups).Resource.Name);
        }

        Assert.All(users["streamprivacy-keda"].Spec.Authorization.Acls, a => Assert.Equal(["Describe"], a.Operations));
        Assert.DoesNotContain(users["ml-producers"].Spec.Authorization.Acls, a => a.Resource.Type is "group" or "cluster");
    }

    /// <summary>user → topic → "R"/"W"/"RW", computed from the topic ACLs (literal and prefix patterns).</summary>
    private static Dictionary<string, Dictionary<string, string>> AccessTable()
    {
        var table = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var user in M.OfType<KafkaUser>("base"))
        {
            var access = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var topic in T.All)
            {
                var ops = user.Spec.Authorization.Acls
                    .Where(a => a.Resource.Type == "topic" && Matches(a.Resource, topic))
                    .SelectMany(a => a.Operations).ToHashSet(StringComparer.Ordinal);
                var rw = (ops.Contains("Read") ? "R" : "") + (ops.Contains("Write") ? "W" : "");
                if (rw.Length > 0)
                {
                    access[topic] = rw;
                }
            }

            table[user.Metadata.Name] = access;
        }

        return table;
    }

    private static bool Matches(KafkaAclResource resource, string topic) => resource.PatternType switch
    {
        "literal" => resource.Name == "*" || resource.Name == topic,
        "prefix" => topic.StartsWith(resource.Name!, StringComparison.Ordinal),
        _ => throw new InvalidOperationException("unexpected patternType " + resource.PatternType),
    };

    private static string[] UsersWith(Dictionary<string, Dictionary<string, string>> table, string[] topics, params char[] anyOf) =>
        table.Where(u => topics.Any(t => u.Value.TryGetValue(t, out var rw) && rw.IndexOfAny(anyOf) >= 0))
            .Select(u => u.Key).Order(StringComparer.Ordinal).ToArray();

    private static string Format(Dictionary<string, string> access) =>
        string.Join(", ", access.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
