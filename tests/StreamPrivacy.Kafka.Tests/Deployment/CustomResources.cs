using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace StreamPrivacy.Kafka.Tests.Deployment;

// Minimal models of the custom resources under k8s/ (Strimzi, KEDA, kustomize), only the fields the
// manifests use. The loader is strict, so a field written in a manifest but missing here fails the
// tests: add it here rather than loosening the loader.

public abstract class CustomResource : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
}

public sealed class KafkaTopic : CustomResource
{
    [JsonPropertyName("spec")] public KafkaTopicSpec Spec { get; set; } = new();

    public string TopicName => Spec.TopicName ?? Metadata.Name;
}

public sealed class KafkaTopicSpec
{
    [JsonPropertyName("topicName")] public string? TopicName { get; set; }
    [JsonPropertyName("partitions")] public int Partitions { get; set; }
    [JsonPropertyName("replicas")] public int Replicas { get; set; }
    [JsonPropertyName("config")] public Dictionary<string, string> Config { get; set; } = [];
}

public sealed class KafkaUser : CustomResource
{
    [JsonPropertyName("spec")] public KafkaUserSpec Spec { get; set; } = new();
}

public sealed class KafkaUserSpec
{
    [JsonPropertyName("authentication")] public KafkaUserAuthentication Authentication { get; set; } = new();
    [JsonPropertyName("authorization")] public KafkaUserAuthorization Authorization { get; set; } = new();
}

public sealed class KafkaUserAuthentication
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
}

public sealed class KafkaUserAuthorization
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("acls")] public List<KafkaAcl> Acls { get; set; } = [];
}

public sealed class KafkaAcl
{
    [JsonPropertyName("resource")] public KafkaAclResource Resource { get; set; } = new();
    [JsonPropertyName("operations")] public List<string> Operations { get; set; } = [];
    [JsonPropertyName("type")] public string Type { get; set; } = "allow";
    [JsonPropertyName("host")] public string? Host { get; set; }
}

public sealed class KafkaAclResource
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("patternType")] public string PatternType { get; set; } = "literal";
}

public sealed class ScaledObject : CustomResource
{
    [JsonPropertyName("spec")] public ScaledObjectSpec Spec { get; set; } = new();
}

public sealed class ScaledObjectSpec
{
    [JsonPropertyName("scaleTargetRef")] public ScaleTarget ScaleTargetRef { get; set; } = new();
    [JsonPropertyName("pollingInterval")] public int PollingInterval { get; set; }
    [JsonPropertyName("cooldownPeriod")] public int CooldownPeriod { get; set; }
    [JsonPropertyName("minReplicaCount")] public int MinReplicaCount { get; set; }
    [JsonPropertyName("maxReplicaCount")] public int MaxReplicaCount { get; set; }
    [JsonPropertyName("triggers")] public List<ScaleTrigger> Triggers { get; set; } = [];
}

public sealed class ScaleTarget
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "Deployment";
}

public sealed class ScaleTrigger
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("metadata")] public Dictionary<string, string> Metadata { get; set; } = [];
    [JsonPropertyName("authenticationRef")] public AuthenticationRef? AuthenticationRef { get; set; }
}

public sealed class AuthenticationRef
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
}

public sealed class TriggerAuthentication : CustomResource
{
    [JsonPropertyName("spec")] public TriggerAuthenticationSpec Spec { get; set; } = new();
}

public sealed class TriggerAuthenticationSpec
{
    [JsonPropertyName("secretTargetRef")] public List<SecretTargetRef> SecretTargetRef { get; set; } = [];
}

public sealed class SecretTargetRef
{
    [JsonPropertyName("parameter")] public string Parameter { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("key")] public string Key { get; set; } = "";
}

/// <summary>kustomization.yaml (no metadata).</summary>
public sealed class Kustomization
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("resources")] public List<string> Resources { get; set; } = [];
    [JsonPropertyName("images")] public List<KustomizeImage> Images { get; set; } = [];
    [JsonPropertyName("patches")] public List<KustomizePatch> Patches { get; set; } = [];
}

public sealed class KustomizeImage
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("newName")] public string? NewName { get; set; }
    [JsonPropertyName("newTag")] public string? NewTag { get; set; }
    [JsonPropertyName("digest")] public string? Digest { get; set; }
}

public sealed class KustomizePatch
{
    [JsonPropertyName("target")] public Dictionary<string, string> Target { get; set; } = [];
    [JsonPropertyName("patch")] public string Patch { get; set; } = "";
}
