using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Sanitization;

namespace StreamPrivacy.Core.Tests;

/// <summary>Sanitizer factories over fixed test keys and a fake clock.</summary>
internal static class TestSanitizers
{
    public const string PseudonymKeyId = "pk-test";

    public static SecretKey Key(string name) => FixedKeys.Instance.Get(name);

    public static SanitizerFactory Factory(SanitizePolicy policy) => new(policy, FixedKeys.Instance, new FakeTimeProvider(TestEvents.Now));

    /// <summary>Redacts one JSON document with the engine of <paramref name="policyYaml"/> (no annotations).</summary>
    public static (System.Text.Json.Nodes.JsonNode Output, Core.Redaction.RedactionCounts Counts) Redact(string policyYaml, string json)
    {
        var engine = Factory(PolicyLoader.Parse(policyYaml, "test.yaml")).CreateEngine(annotate: false, maxDepth: 64);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var counts = new Core.Redaction.RedactionCounts();
        engine.Redact(System.Text.Encoding.UTF8.GetBytes(json), buffer, counts);
        return (System.Text.Json.Nodes.JsonNode.Parse(buffer.WrittenSpan)!, counts);
    }

    /// <summary>A key ring whose keys are derived from their names: deterministic across runs.</summary>
    private static class FixedKeys
    {
        public static readonly KeyRing Instance = Create();

        private static KeyRing Create()
        {
            var directory = Directory.CreateTempSubdirectory("sp-test-keys-").FullName;
            foreach (var name in new[] { "pseudonym", "deadletter", "hash", "encrypt", "contact" })
            {
                File.WriteAllBytes(Path.Combine(directory, name + ".key"), System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("test-key:" + name)));
            }

            return new KeyRing(directory, null, new Dictionary<string, string> { ["pseudonym"] = PseudonymKeyId }, _ => { });
        }
    }
}
