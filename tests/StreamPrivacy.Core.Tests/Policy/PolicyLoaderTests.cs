using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Core.Tests.Policy;

public sealed class PolicyLoaderTests
{
    [Theory]
    [InlineData("free_text: { scan: false }", "free_text.scan is false")]
    [InlineData("free_text: { entities: { EMAIL_ADDRESS: { operator: keep } } }", "free_text.entities.EMAIL_ADDRESS uses operator keep")]
    [InlineData("free_text: { entities: { DEFAULT: { operator: keep } } }", "free_text.entities.DEFAULT uses operator keep")]
    [InlineData("free_text: { min_score: 0.7 }", "free_text.min_score 0.7 is above the shipped default 0.4")]
    [InlineData("subject: { pseudonymize: false }", "subject.pseudonymize is false")]
    public void Parse_UnsafeSettingWithoutAllowUnsafe_IsRefusedNamingIt(string yaml, string named)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(yaml, "p.yaml"));
        Assert.Contains("unsafe policy refused", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("allow_unsafe: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsafeSettingsWithAllowUnsafe_LoadAndAreListed()
    {
        var policy = PolicyLoader.Parse("allow_unsafe: true\nfree_text: { scan: false, min_score: 0.9 }\n", "p.yaml");
        Assert.True(policy.AllowUnsafe);
        Assert.Equal(2, policy.UnsafeSettings.Count);
    }

    [Theory]
    [InlineData("free_text: { min_score: 0.2 }")]   // stricter than the default: more is redacted, nothing gets through
    [InlineData("free_text: { disabled_entities: [IP_ADDRESS] }")] // the verifier still checks disabled types
    [InlineData("field_rules: [ { path: $.model.name, operator: keep } ]")]
    public void Parse_SafeVariations_Load(string yaml) => Assert.Empty(PolicyLoader.Parse(yaml, "p.yaml").UnsafeSettings);

    [Fact]
    public void Default_IsSafe() => Assert.Empty(PolicyLoader.Default.UnsafeSettings);

    [Fact]
    public void Parse_NerModel_ReadsDirectoryScoreAndLabels()
    {
        var policy = PolicyLoader.Parse("free_text: { ner: { model: /models/bert-ner, min_score: 0.7, labels: { PER: PERSON, LOC: LOCATION } } }", "p.yaml");
        Assert.Equal("/models/bert-ner", policy.Ner!.ModelDirectory);
        Assert.Equal(0.7, policy.Ner.MinScore);
        Assert.Equal("LOCATION", policy.Ner.Labels["LOC"]);
    }

    [Fact]
    public void Parse_NerModelDefaults_PersonsOnly()
    {
        var policy = PolicyLoader.Parse("free_text: { ner: { model: m } }", "p.yaml");
        Assert.Equal(NerModelSpec.DefaultMinScore, policy.Ner!.MinScore);
        Assert.Equal("PERSON", Assert.Single(policy.Ner.Labels).Value);
    }

    [Theory]
    [InlineData("free_text: { ner: { min_score: 0.5 } }", "'ner' needs 'model'")]
    [InlineData("free_text: { ner: { model: m, labels: { PER: person } } }", "upper-case entity type")]
    [InlineData("free_text: { ner: { model: m, batch: 4 } }", "unknown key 'batch'")]
    public void Parse_BadNerSection_NamesTheProblem(string yaml, string message)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(yaml, "p.yaml"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
