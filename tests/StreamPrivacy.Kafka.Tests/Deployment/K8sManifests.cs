using k8s;

namespace StreamPrivacy.Kafka.Tests.Deployment;

/// <summary>Every YAML document under k8s/, loaded once with KubernetesClient's strict YAML loader.</summary>
public sealed class K8sManifests
{
    private static readonly Dictionary<string, Type> CustomTypes = new(StringComparer.Ordinal)
    {
        ["kafka.strimzi.io/v1beta2/KafkaTopic"] = typeof(KafkaTopic),
        ["kafka.strimzi.io/v1beta2/KafkaUser"] = typeof(KafkaUser),
        ["keda.sh/v1alpha1/ScaledObject"] = typeof(ScaledObject),
        ["keda.sh/v1alpha1/TriggerAuthentication"] = typeof(TriggerAuthentication),
        ["kustomize.config.k8s.io/v1beta1/Kustomization"] = typeof(Kustomization),
    };

    private static readonly Lazy<K8sManifests> LazyInstance = new(Load);

    private K8sManifests(string repoRoot, IReadOnlyList<(string File, object Document)> documents)
    {
        RepoRoot = repoRoot;
        Documents = documents;
    }

    public static K8sManifests Instance => LazyInstance.Value;

    public string RepoRoot { get; }

    /// <summary>(path relative to k8s/, loaded object) for every document of every file.</summary>
    public IReadOnlyList<(string File, object Document)> Documents { get; }

    public IEnumerable<T> OfType<T>() => Documents.Select(d => d.Document).OfType<T>();

    /// <summary>Documents of <typeparamref name="T"/> in files under <paramref name="folder"/> (relative to k8s/).</summary>
    public IEnumerable<T> OfType<T>(string folder) =>
        Documents.Where(d => d.File.StartsWith(folder + "/", StringComparison.Ordinal)).Select(d => d.Document).OfType<T>();

    public T SingleOf<T>(string folder) => Assert.Single(OfType<T>(folder));

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamPrivacy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StreamPrivacy.sln not found above " + AppContext.BaseDirectory);
    }

    private static K8sManifests Load()
    {
        var root = FindRepoRoot();
        var k8sDir = Path.Combine(root, "k8s");
        var documents = new List<(string, object)>();
        var files = Directory.EnumerateFiles(k8sDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(k8sDir, file).Replace('\\', '/');
            List<object> loaded;
            try
            {
                loaded = KubernetesYaml.LoadAllFromString(File.ReadAllText(file), CustomTypes, strict: true);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"k8s/{relative}: {ex.Message}", ex);
            }

            documents.AddRange(loaded.Select(d => (relative, d)));
        }

        return new K8sManifests(root, documents);
    }
}
