using System.Globalization;
using StreamPrivacy.Core.Redaction.Operators;
using StreamPrivacy.Core.Redaction.Paths;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StreamPrivacy.Core.Policy;

/// <summary>
/// Loads a <see cref="SanitizePolicy"/> from YAML (YamlDotNet's representation model, so every error
/// can name the file, line and column). Unknown keys are errors, not silently ignored: a typo in a
/// privacy policy must not weaken it.
/// </summary>
public static class PolicyLoader
{
    private const string DefaultResource = "StreamPrivacy.Core.Policy.default-policy.yaml";
    private static readonly Lazy<SanitizePolicy> LazyDefault = new(LoadDefault);

    /// <summary>The shipped default policy (<c>src/StreamPrivacy.Core/Policy/default-policy.yaml</c>).</summary>
    public static SanitizePolicy Default => LazyDefault.Value;

    /// <summary>The text of the shipped default policy.</summary>
    public static string DefaultText
    {
        get
        {
            using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException("the default policy resource is missing from the assembly");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Loads and validates a policy file.</summary>
    /// <exception cref="PolicyException">The file cannot be read or is invalid.</exception>
    public static SanitizePolicy LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException($"{path}: cannot read the policy file ({ex.GetType().Name})", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates policy YAML; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="PolicyException">The policy is invalid.</exception>
    public static SanitizePolicy Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PolicyException($"{source}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PolicyException($"{source}:1:1: a policy must be a YAML mapping");
        }

        var reader = new Reader(source);
        var policy = reader.Policy(root);
        try
        {
            policy.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new PolicyException($"{source}: {ex.Message}", ex);
        }

        return policy;
    }

    private static SanitizePolicy LoadDefault() => Parse(DefaultText, "default-policy.yaml");

    private sealed class Reader(string source)
    {
        public SanitizePolicy Policy(YamlMappingNode root)
        {
            Keys(root, "version", "allow_unsafe", "consent", "minimization", "subject", "field_rules", "free_text", "custom_detectors");
            var consent = Map(root, "consent");
            var minimization = Map(root, "minimization");
            var subject = Map(root, "subject");
            var freeText = Map(root, "free_text");
            if (consent is not null)
            {
                Keys(consent, "required_purposes");
            }

            if (minimization is not null)
            {
                Keys(minimization, "mode", "allowed_fields");
            }

            if (subject is not null)
            {
                Keys(subject, "field", "pseudonymize");
            }

            if (freeText is not null)
            {
                Keys(freeText, "scan", "min_score", "phone_regions", "disabled_entities", "entities", "ner");
            }

            var defaults = new SanitizePolicy();
            return new SanitizePolicy
            {
                Version = Scalar(root, "version") ?? defaults.Version,
                RequiredPurposes = StringList(consent, "required_purposes") ?? defaults.RequiredPurposes,
                Minimization = Enum(minimization, "mode", ("allowlist", MinimizationMode.Allowlist), ("off", MinimizationMode.Off)) ?? defaults.Minimization,
                AllowedFields = Paths(minimization, "allowed_fields") ?? defaults.AllowedFields,
                SubjectField = Path(subject, "field") ?? defaults.SubjectField,
                PseudonymizeSubject = Bool(subject, "pseudonymize") ?? defaults.PseudonymizeSubject,
                FieldRules = FieldRules(root),
                ScanFreeText = Bool(freeText, "scan") ?? defaults.ScanFreeText,
                MinScore = Number(freeText, "min_score") ?? defaults.MinScore,
                PhoneRegions = StringList(freeText, "phone_regions") ?? defaults.PhoneRegions,
                DisabledEntities = StringList(freeText, "disabled_entities") ?? defaults.DisabledEntities,
                EntityOperators = Entities(freeText) ?? defaults.EntityOperators,
                CustomDetectors = CustomDetectors(root),
                Ner = Ner(freeText),
                AllowUnsafe = Bool(root, "allow_unsafe") ?? false,
            };
        }

        private NerModelSpec? Ner(YamlMappingNode? freeText)
        {
            if (freeText is null || Child(freeText, "ner") is not { } node)
            {
                return null;
            }

            var ner = AsMap(node, "'ner'");
            Keys(ner, "model", "min_score", "labels");
            var model = Scalar(ner, "model") ?? throw Error(ner, "'ner' needs 'model' (the directory of an ONNX token-classification export)");
            var minScore = Number(ner, "min_score") ?? NerModelSpec.DefaultMinScore;
            if (minScore is < 0 or > 1)
            {
                throw Error(Child(ner, "min_score")!, "min_score must be between 0 and 1");
            }

            IReadOnlyDictionary<string, string> labels = NerModelSpec.DefaultLabels;
            if (Child(ner, "labels") is { } labelNode)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in AsMap(labelNode, "'labels'").Children)
                {
                    var label = (key as YamlScalarNode)?.Value;
                    var entity = (value as YamlScalarNode)?.Value;
                    if (string.IsNullOrEmpty(label) || string.IsNullOrEmpty(entity) || !string.Equals(entity, entity.ToUpperInvariant(), StringComparison.Ordinal))
                    {
                        throw Error(key, "each label maps a model tag (e.g. PER) to an upper-case entity type (e.g. PERSON)");
                    }

                    map[label] = entity;
                }

                labels = map;
            }

            return new NerModelSpec(model, minScore, labels);
        }

        private List<FieldRule> FieldRules(YamlMappingNode root)
        {
            var rules = new List<FieldRule>();
            foreach (var item in Sequence(root, "field_rules"))
            {
                var rule = AsMap(item, "a field rule");
                var path = Path(rule, "path") ?? throw Error(rule, "a field rule needs 'path'");
                rules.Add(new FieldRule(FieldPath.Parse(path), Operator(rule, allowPath: true)));
            }

            return rules;
        }

        private Dictionary<string, OperatorSpec>? Entities(YamlMappingNode? freeText)
        {
            if (freeText is null || Child(freeText, "entities") is not { } node)
            {
                return null;
            }

            var entities = new Dictionary<string, OperatorSpec>(StringComparer.Ordinal);
            foreach (var (key, value) in AsMap(node, "'entities'").Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (name.Length == 0 || !string.Equals(name, name.ToUpperInvariant(), StringComparison.Ordinal))
                {
                    throw Error(key, $"entity type '{name}' must be upper case, like EMAIL_ADDRESS or DEFAULT");
                }

                entities[name] = Operator(AsMap(value, $"the operator of {name}"), allowPath: false);
            }

            return entities;
        }

        private OperatorSpec Operator(YamlMappingNode node, bool allowPath)
        {
            string[] keys = ["operator", "new_value", "masking_char", "chars_to_mask", "from_end", "key", "mode", "bucket_width", "bucket_origin", "date_unit", "keep_chars"];
            Keys(node, allowPath ? [.. keys, "path"] : keys);
            var kind = Enum(
                node,
                "operator",
                ("replace", OperatorKind.Replace), ("redact", OperatorKind.Redact), ("mask", OperatorKind.Mask), ("hash", OperatorKind.Hash),
                ("encrypt", OperatorKind.Encrypt), ("keep", OperatorKind.Keep), ("generalize", OperatorKind.Generalize), ("drop", OperatorKind.Drop))
                ?? throw Error(node, "'operator' is required (replace, redact, mask, hash, encrypt, keep, generalize or drop)");
            var mask = Scalar(node, "masking_char");
            if (mask is { Length: not 1 })
            {
                throw Error(Child(node, "masking_char")!, "masking_char must be exactly one character");
            }

            var spec = new OperatorSpec(
                kind,
                NewValue: Scalar(node, "new_value"),
                MaskingChar: mask?[0] ?? '*',
                CharsToMask: (int?)Number(node, "chars_to_mask") ?? int.MaxValue,
                FromEnd: Bool(node, "from_end") ?? false,
                KeyName: Scalar(node, "key") ?? kind switch
                {
                    OperatorKind.Hash => Privacy.KeyNames.Hash,
                    OperatorKind.Encrypt => Privacy.KeyNames.Encrypt,
                    _ => null,
                },
                GeneralizeMode: Enum(node, "mode", ("numeric_bucket", GeneralizeMode.NumericBucket), ("date_truncate", GeneralizeMode.DateTruncate), ("postcode_truncate", GeneralizeMode.PostcodeTruncate)),
                BucketWidth: Number(node, "bucket_width"),
                BucketOrigin: Number(node, "bucket_origin"),
                DateUnit: Scalar(node, "date_unit"),
                KeepChars: (int?)Number(node, "keep_chars"));
            try
            {
                spec.Validate();
            }
            catch (ArgumentException ex)
            {
                throw Error(node, ex.Message.Split(" (Parameter", 2)[0]);
            }

            return spec;
        }

        private List<CustomDetectorSpec> CustomDetectors(YamlMappingNode root)
        {
            var detectors = new List<CustomDetectorSpec>();
            foreach (var item in Sequence(root, "custom_detectors"))
            {
                var node = AsMap(item, "a custom detector");
                Keys(node, "entity_type", "regex", "checksum", "terms", "case_sensitive", "score");
                var entity = Scalar(node, "entity_type") ?? throw Error(node, "a custom detector needs 'entity_type'");
                var regex = Scalar(node, "regex");
                var terms = StringList(node, "terms");
                if ((regex is null) == (terms is null))
                {
                    throw Error(node, $"custom detector {entity} needs exactly one of 'regex' or 'terms'");
                }

                if (regex is not null)
                {
                    try
                    {
                        _ = new System.Text.RegularExpressions.Regex(regex, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException ex)
                    {
                        throw Error(Child(node, "regex")!, $"invalid regex: {ex.Message}");
                    }
                }

                var checksum = Scalar(node, "checksum") ?? "none";
                if (checksum is not ("none" or "luhn" or "mod97"))
                {
                    throw Error(Child(node, "checksum")!, "checksum must be none, luhn or mod97");
                }

                var score = Number(node, "score") ?? 0.85;
                if (score is < 0 or > 1)
                {
                    throw Error(Child(node, "score")!, "score must be between 0 and 1");
                }

                detectors.Add(new CustomDetectorSpec(entity, regex, checksum, terms, Bool(node, "case_sensitive") ?? false, score));
            }

            return detectors;
        }

        private void Keys(YamlMappingNode node, params string[] allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
                }
            }
        }

        private static YamlNode? Child(YamlMappingNode? node, string key) =>
            node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

        private YamlMappingNode? Map(YamlMappingNode root, string key) => Child(root, key) is { } node ? AsMap(node, $"'{key}'") : null;

        private YamlMappingNode AsMap(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

        private IEnumerable<YamlNode> Sequence(YamlMappingNode root, string key) => Child(root, key) switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children,
            var other => throw Error(other, $"'{key}' must be a list"),
        };

        private string? Scalar(YamlMappingNode? node, string key) => Child(node, key) switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            var other => throw Error(other, $"'{key}' must be a single value"),
        };

        private bool? Bool(YamlMappingNode? node, string key) => Scalar(node, key) switch
        {
            null => null,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(Child(node, key)!, $"'{key}' must be true or false"),
        };

        private double? Number(YamlMappingNode? node, string key)
        {
            var text = Scalar(node, key);
            if (text is null)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error(Child(node, key)!, $"'{key}' must be a number");
        }

        private T? Enum<T>(YamlMappingNode? node, string key, params (string Name, T Value)[] options)
            where T : struct
        {
            var text = Scalar(node, key);
            if (text is null)
            {
                return null;
            }

            foreach (var (name, value) in options)
            {
                if (string.Equals(name, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            throw Error(Child(node, key)!, $"'{key}' must be one of {string.Join(", ", options.Select(o => o.Name))}, not '{text}'");
        }

        private List<string>? StringList(YamlMappingNode? node, string key)
        {
            var child = Child(node, key);
            if (child is null)
            {
                return null;
            }

            if (child is not YamlSequenceNode sequence)
            {
                throw Error(child, $"'{key}' must be a list");
            }

            return [.. sequence.Children.Select(item => item is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(item, $"every item of '{key}' must be a non-empty value"))];
        }

        private string? Path(YamlMappingNode? node, string key)
        {
            var text = Scalar(node, key);
            if (text is not null)
            {
                try
                {
                    FieldPath.Parse(text);
                }
                catch (FormatException ex)
                {
                    throw Error(Child(node, key)!, ex.Message);
                }
            }

            return text;
        }

        private List<string>? Paths(YamlMappingNode? node, string key)
        {
            var list = StringList(node, key);
            if (list is not null)
            {
                var sequence = (YamlSequenceNode)Child(node, key)!;
                for (var i = 0; i < list.Count; i++)
                {
                    try
                    {
                        FieldPath.Parse(list[i]);
                    }
                    catch (FormatException ex)
                    {
                        throw Error(sequence.Children[i], ex.Message);
                    }
                }
            }

            return list;
        }

        private PolicyException Error(YamlNode node, string message) =>
            new($"{source}:{node.Start.Line}:{node.Start.Column}: {message}");
    }
}
