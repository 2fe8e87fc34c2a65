using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Operators;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Schema-agnostic redaction of one JSON document, streamed from UTF-8 input to UTF-8 output without
/// building a DOM. For every value, in this order: minimisation (allowlist, deny by default), subject
/// pseudonymisation, the first matching field rule (applied to every scalar below it), and otherwise
/// free-text PII scanning of strings, long digit runs and property names, with the policy's operator
/// per entity type. Thread-safe.
/// </summary>
/// <remarks>
/// Privacy semantics: a field the allowlist does not cover never reaches the output; a string that is
/// not covered by a rule is always scanned; an entity whose operator is <c>drop</c> removes the whole
/// string (written as null). Counts name entity types and field paths, never values.
/// </remarks>
public sealed class RedactionEngine
{
    private const string FieldRuleEntity = "FIELD_RULE";
    private const int MaxRescans = 3;
    private static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static RedactionScratch? t_scratch;

    private readonly SanitizePolicy _policy;
    private readonly TextScanner? _scanner;
    private readonly SubjectPseudonymizer? _pseudonymizer;
    private readonly FieldPath[] _allowed;
    private readonly FieldPath _subject;
    private readonly (FieldPath Path, RedactionOperator Operator)[] _rules;
    private readonly Dictionary<string, RedactionOperator> _entityOperators = new(StringComparer.Ordinal);
    private readonly RedactionOperator _defaultOperator;
    private readonly bool _annotate;
    private readonly int _maxDepth;
    private readonly ThreadLocal<ScanCache> _cache = new(() => new ScanCache());
    private readonly CleanVerdicts? _verdicts;

    /// <summary>Creates an engine.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="scanner">The free-text scanner (null disables scanning).</param>
    /// <param name="operators">Builds operators from specs (resolving named keys).</param>
    /// <param name="pseudonymizer">Subject pseudonymiser (null leaves the subject to the other rules).</param>
    /// <param name="annotate">Append <c>subject_key_id</c> and the <c>sanitization</c> summary to the root object.</param>
    /// <param name="maxDepth">Deepest nesting accepted.</param>
    /// <param name="verdicts">Where clean verdicts are left for the verifier of the same sanitizer (null: nowhere).</param>
    internal RedactionEngine(SanitizePolicy policy, TextScanner? scanner, Func<OperatorSpec, RedactionOperator> operators, SubjectPseudonymizer? pseudonymizer, bool annotate, int maxDepth, CleanVerdicts? verdicts)
        : this(policy, scanner, operators, pseudonymizer, annotate, maxDepth) => _verdicts = verdicts;

    /// <summary>Creates an engine.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="scanner">The free-text scanner (null disables scanning).</param>
    /// <param name="operators">Builds operators from specs (resolving named keys).</param>
    /// <param name="pseudonymizer">Subject pseudonymiser (null leaves the subject to the other rules).</param>
    /// <param name="annotate">Append <c>subject_key_id</c> and the <c>sanitization</c> summary to the root object.</param>
    /// <param name="maxDepth">Deepest nesting accepted.</param>
    public RedactionEngine(SanitizePolicy policy, TextScanner? scanner, Func<OperatorSpec, RedactionOperator> operators, SubjectPseudonymizer? pseudonymizer, bool annotate, int maxDepth = 64)
    {
        policy.Validate();
        _policy = policy;
        _scanner = policy.ScanFreeText ? scanner : null;
        _pseudonymizer = policy.PseudonymizeSubject ? pseudonymizer : null;
        _allowed = [.. policy.AllowedFields.Select(FieldPath.Parse)];
        _subject = FieldPath.Parse(policy.SubjectField);
        _rules = [.. policy.FieldRules.Select(r => (r.Path, operators(r.Operator)))];
        foreach (var (entity, spec) in policy.EntityOperators)
        {
            _entityOperators[entity] = operators(spec);
        }

        _defaultOperator = _entityOperators.GetValueOrDefault(SanitizePolicy.DefaultEntityKey) ?? operators(new OperatorSpec(OperatorKind.Replace));
        _annotate = annotate;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// The digits to scan of a JSON number that may be an identifier stored as a number (card, account, phone):
    /// an integer — written plainly, with a zero fraction or in exponent form — of at least 9 digits, or of at
    /// least 7 when the field's name says what it holds. Ordinary measurements are not scanned.
    /// </summary>
    internal static bool TryGetScannableDigits(ReadOnlySpan<byte> raw, FieldHint hint, Span<char> digits, out int length)
    {
        var minimum = hint == FieldHint.None ? 9 : 7;
        if (raw.Length < minimum && raw.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            length = 0;
            return false; // too few characters for enough digits: ages, amounts, scores
        }

        return JsonNumberDigits.TryGetInteger(raw, digits, out length) && length >= minimum;
    }

    /// <summary>The policy in force.</summary>
    public SanitizePolicy Policy => _policy;

    /// <summary>
    /// Redacts <paramref name="json"/> (one JSON document, valid UTF-8) into <paramref name="output"/>,
    /// adding to <paramref name="counts"/>.
    /// </summary>
    /// <exception cref="JsonException">The input is not well-formed JSON (message carries no content).</exception>
    /// <exception cref="InvalidSubjectException">The subject field holds an object, an array or a boolean.</exception>
    public RedactionResult Redact(ReadOnlySpan<byte> json, IBufferWriter<byte> output, RedactionCounts counts)
    {
        var scratch = t_scratch ??= new RedactionScratch();
        scratch.Path.Clear();
        var walk = new Walk(this, scratch, _cache.Value!, counts);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = _maxDepth });
        var writer = scratch.Writer(output, WriterOptions);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("empty document");
            }

            walk.Value(ref reader, writer, InitialMode, isRoot: true);
            if (reader.Read())
            {
                throw new JsonException("trailing content after the document");
            }
        }
        catch (JsonException)
        {
            throw new JsonException("not well-formed JSON");
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("not well-formed JSON");
        }

        writer.Flush();
        return new RedactionResult(walk.Pseudonym, walk.Redactions);
    }

    private Mode InitialMode => _policy.Minimization == MinimizationMode.Off ? Mode.Allowed : Mode.Normal;

    private RedactionOperator EntityOperator(string entityType) => _entityOperators.GetValueOrDefault(entityType) ?? _defaultOperator;

    private enum Mode
    {
        Normal,   // allowlist still being checked
        Allowed,  // inside an allowed subtree
        Rule,     // inside a field rule's subtree
        Keep,     // copy verbatim
    }

    private ref struct Walk
    {
        private readonly RedactionEngine _engine;
        private readonly RedactionScratch _scratch;
        private readonly RedactionCounts _counts;
        private readonly ScanCache _cache;
        private RedactionOperator? _rule;
        private FieldHint _hint;

        public Walk(RedactionEngine engine, RedactionScratch scratch, ScanCache cache, RedactionCounts counts)
        {
            _engine = engine;
            _scratch = scratch;
            _cache = cache;
            _counts = counts;
        }

        public string? Pseudonym { get; private set; }

        public int Redactions { get; private set; }

        private readonly ReadOnlySpan<PathElement> PathSpan => CollectionsMarshal.AsSpan(_scratch.Path);

        public void Value(ref Utf8JsonReader reader, Utf8JsonWriter writer, Mode mode, bool isRoot = false)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Object(ref reader, writer, mode, isRoot);
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    _scratch.Path.Add(PathElement.Index);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        Member(ref reader, writer, name: null, safeName: null, mode);
                    }

                    _scratch.Path.RemoveAt(_scratch.Path.Count - 1);
                    writer.WriteEndArray();
                    break;
                default:
                    Scalar(ref reader, writer, mode);
                    break;
            }
        }

        private void Object(ref Utf8JsonReader reader, Utf8JsonWriter writer, Mode mode, bool isRoot)
        {
            writer.WriteStartObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // An unescaped name is looked up by its bytes: a known clean name is neither decoded nor re-encoded.
                var plain = !reader.ValueIsEscaped && !reader.HasValueSequence;
                var raw = plain ? reader.ValueSpan : default;
                CachedName? known = null;
                if (plain && _engine._scanner is not null && _cache.TryGetName(raw, out var hit))
                {
                    known = hit;
                }

                var name = known?.Name ?? ReadName(ref reader);
                reader.Read();
                if (isRoot && _engine._annotate && (name == "sanitization" || name == "subject_key_id"))
                {
                    reader.Skip(); // reserved for our own annotations
                    continue;
                }

                // Paths are reported in counts: a name that is itself PII is recorded redacted.
                var safeName = known?.Name ?? RedactName(name, raw, plain);
                _scratch.Path.Add(new PathElement(safeName));
                var parentHint = _hint;
                _hint = PathHints.Of(PathSpan, known?.Hint ?? FieldHints.ForKey(name), known?.IsGenericKey ?? FieldHints.IsGeneric(name)); // array elements below inherit it
                Member(ref reader, writer, name, safeName, mode, known);
                _hint = parentHint;
                _scratch.Path.RemoveAt(_scratch.Path.Count - 1);
            }

            if (isRoot && _engine._annotate)
            {
                Annotate(writer);
            }

            writer.WriteEndObject();
        }

        /// <summary>Handles one object property or array element (the path already includes it).</summary>
        private void Member(ref Utf8JsonReader reader, Utf8JsonWriter writer, string? name, string? safeName, Mode mode, CachedName? known = null)
        {
            var saved = _rule;
            var path = PathSpan;
            if (mode == Mode.Normal)
            {
                if (IsAllowed(path))
                {
                    mode = Mode.Allowed;
                }
                else if (!(CanBeAllowedBelow(path) && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    reader.Skip();
                    _counts.FieldsRemoved++;
                    return;
                }
            }

            if (mode is Mode.Normal or Mode.Allowed)
            {
                if (_engine._pseudonymizer is not null && _engine._subject.Matches(path)
                    && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.True or JsonTokenType.False)
                {
                    throw new InvalidSubjectException(_engine._policy.SubjectField);
                }

                if (_engine._pseudonymizer is not null && _engine._subject.Matches(path) && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    var maxChars = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                    var buffer = _scratch.Chars(maxChars);
                    var length = reader.TokenType == JsonTokenType.String ? reader.CopyString(buffer) : System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
                    Pseudonym = _engine._pseudonymizer.Pseudonymize(buffer[..length]);
                    WriteName(writer, name, safeName, scan: false, known);
                    writer.WriteStringValue(Pseudonym);
                    return;
                }

                foreach (var (rulePath, op) in _engine._rules)
                {
                    if (!rulePath.Matches(path))
                    {
                        continue;
                    }

                    if (op.Kind == OperatorKind.Drop)
                    {
                        reader.Skip();
                        _counts.FieldsRemoved++;
                        return;
                    }

                    mode = op.Kind == OperatorKind.Keep ? Mode.Keep : Mode.Rule;
                    _rule = op;
                    break;
                }
            }

            WriteName(writer, name, safeName, scan: mode is Mode.Normal or Mode.Allowed, known);
            Value(ref reader, writer, mode);
            _rule = saved;
        }

        private readonly void WriteName(Utf8JsonWriter writer, string? name, string? safeName, bool scan, CachedName? known)
        {
            if (known is not null)
            {
                writer.WritePropertyName(known.Encoded); // a clean name: its safe form is itself
            }
            else if (name is not null)
            {
                writer.WritePropertyName(scan ? safeName! : name);
            }
        }

        private string RedactName(string name, ReadOnlySpan<byte> raw, bool plain)
        {
            if (_engine._scanner is null)
            {
                return name;
            }

            if (_cache.TryGetName(name, out var safe))
            {
                if (plain)
                {
                    _cache.AddName(raw, name, WriterOptions); // only clean names are remembered: offered again, the UTF-8 memo keeps it
                }

                return safe;
            }

            _engine._scanner.Scan(name, _scratch.Matches, _scratch.Candidates);
            if (_scratch.Matches.Count == 0)
            {
                _cache.AddName(name, name);
                if (plain)
                {
                    _cache.AddName(raw, name, WriterOptions);
                }

                return name;
            }

            // Names holding PII are not memoised: each occurrence is counted as a redaction.
            BuildReplacement(name, FieldHint.None, out _);
            return _scratch.Builder.ToString();
        }

        private void Scalar(ref Utf8JsonReader reader, Utf8JsonWriter writer, Mode mode)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    StringValue(ref reader, writer, mode);
                    break;
                case JsonTokenType.Number:
                    NumberValue(ref reader, writer, mode);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    if (mode == Mode.Rule)
                    {
                        ApplyRule(reader.TokenType == JsonTokenType.True ? "true" : "false", writer);
                    }
                    else
                    {
                        writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    }

                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        private void StringValue(ref Utf8JsonReader reader, Utf8JsonWriter writer, Mode mode)
        {
            // An unescaped string is looked up by its bytes: a known clean one is neither decoded nor re-encoded.
            var plain = !reader.ValueIsEscaped && !reader.HasValueSequence;
            // The memo holds verdicts of context-free scans: a value under a key that names an entity is scanned afresh.
            var memo = _hint == FieldHint.None;
            var scanned = mode is Mode.Normal or Mode.Allowed && _engine._scanner is not null;
            if (plain && scanned && memo && _cache.TryGetClean(reader.ValueSpan, out var encoded))
            {
                writer.WriteStringValue(encoded);
                return;
            }

            var maxChars = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            var buffer = _scratch.Chars(maxChars);
            var text = buffer[..reader.CopyString(buffer)];
            switch (mode)
            {
                case Mode.Keep:
                    writer.WriteStringValue(text);
                    return;
                case Mode.Rule:
                    ApplyRule(text, writer);
                    return;
            }

            if (_engine._scanner is null || (!plain && memo && _cache.IsKnownClean(text)))
            {
                writer.WriteStringValue(text);
                return;
            }

            _engine._scanner.Scan(text, _scratch.Matches, _scratch.Candidates, _hint);
            if (_scratch.Matches.Count == 0)
            {
                _engine._verdicts?.Add(text, _hint);
                if (memo && plain)
                {
                    _cache.AddClean(reader.ValueSpan, text, WriterOptions);
                }
                else if (memo)
                {
                    _cache.AddClean(text);
                }

                writer.WriteStringValue(text);
                return;
            }

            WriteReplacement(text, writer);
        }

        private void NumberValue(ref Utf8JsonReader reader, Utf8JsonWriter writer, Mode mode)
        {
            var raw = reader.ValueSpan;
            if (mode == Mode.Rule)
            {
                Span<char> chars = stackalloc char[raw.Length];
                var n = System.Text.Encoding.UTF8.GetChars(raw, chars);
                ApplyRule(chars[..n], writer);
                return;
            }

            // A long run of digits may be a card, account or phone number stored as a JSON number.
            Span<char> digits = stackalloc char[JsonNumberDigits.MaxDigits];
            if (mode != Mode.Keep && _engine._scanner is not null && TryGetScannableDigits(raw, _hint, digits, out var count))
            {
                _engine._scanner.Scan(digits[..count], _scratch.Matches, _scratch.Candidates, _hint);
                if (_scratch.Matches.Count > 0)
                {
                    WriteReplacement(digits[..count], writer);
                    return;
                }
            }

            writer.WriteRawValue(raw, skipInputValidation: true);
        }

        private void ApplyRule(scoped ReadOnlySpan<char> value, Utf8JsonWriter writer)
        {
            var builder = _scratch.Builder.Clear();
            _rule!.Apply(value, FieldRuleEntity, builder);
            Record(FieldRuleEntity);
            writer.WriteStringValue(builder.ToString());
        }

        /// <summary>Writes <paramref name="text"/> with the current matches replaced, or null when an operator drops it.</summary>
        private void WriteReplacement(scoped ReadOnlySpan<char> text, Utf8JsonWriter writer)
        {
            BuildReplacement(text, _hint, out var drop);
            if (drop)
            {
                writer.WriteNullValue();
                return;
            }

            // The reused builder is almost always one chunk: write it without materialising a string.
            var builder = _scratch.Builder;
            ReadOnlyMemory<char> first = default;
            var chunks = 0;
            foreach (var chunk in builder.GetChunks())
            {
                first = chunk;
                if (++chunks > 1)
                {
                    break;
                }
            }

            if (chunks <= 1)
            {
                writer.WriteStringValue(first.Span);
            }
            else
            {
                writer.WriteStringValue(builder.ToString());
            }
        }

        /// <summary>Builds, in the scratch builder, <paramref name="text"/> with the current matches replaced.</summary>
        /// <summary>
        /// Builds, in the scratch builder, <paramref name="text"/> with the current matches replaced, then scans the
        /// result again and replaces what that scan finds, until it finds nothing (at most <see cref="MaxRescans"/>
        /// times). A replacement can change what the detectors see around it — two touching numbers that were one
        /// over-long run, a phone number after an IPv6 address — and the post-redaction verifier scans the result:
        /// this makes the engine's output one the verifier passes, so valid records are not withheld.
        /// </summary>
        private void BuildReplacement(scoped ReadOnlySpan<char> text, FieldHint hint, out bool drop)
        {
            ReplaceOnce(text, out drop);
            for (var pass = 0; pass < MaxRescans && !drop; pass++)
            {
                var redacted = _scratch.Builder.ToString();
                _engine._scanner!.Scan(redacted, _scratch.Matches, _scratch.Candidates, hint);
                if (_scratch.Matches.Count == 0)
                {
                    _engine._verdicts?.Add(redacted, hint);
                    return;
                }

                ReplaceOnce(redacted, out drop);
            }
        }

        private void ReplaceOnce(scoped ReadOnlySpan<char> text, out bool drop)
        {
            drop = false;
            var builder = _scratch.Builder.Clear();
            var position = 0;
            foreach (var match in _scratch.Matches)
            {
                builder.Append(text[position..match.Start]);
                var op = _engine.EntityOperator(match.EntityType);
                if (op.Kind == OperatorKind.Drop)
                {
                    drop = true;
                }
                else
                {
                    op.Apply(text.Slice(match.Start, match.Length), match.EntityType, builder);
                }

                Record(match.EntityType);

                position = match.End;
            }

            builder.Append(text[position..]);
        }

        private void Record(string entityType)
        {
            Redactions++;
            _counts.RecordKeyed(entityType, _scratch.PathKeys.Key(PathSpan, entityType));
        }

        private readonly bool IsAllowed(ReadOnlySpan<PathElement> path)
        {
            foreach (var allowed in _engine._allowed)
            {
                if (allowed.Matches(path))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool CanBeAllowedBelow(ReadOnlySpan<PathElement> path)
        {
            foreach (var allowed in _engine._allowed)
            {
                if (allowed.CanMatchBelow(path))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly string ReadName(ref Utf8JsonReader reader)
        {
            var maxChars = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            Span<char> buffer = maxChars <= 256 ? stackalloc char[maxChars] : new char[maxChars];
            return _scratch.Intern(buffer[..reader.CopyString(buffer)]);
        }

        private readonly void Annotate(Utf8JsonWriter writer)
        {
            if (Pseudonym is not null)
            {
                writer.WriteString("subject_key_id", _engine._pseudonymizer!.KeyId);
            }

            writer.WriteStartObject("sanitization");
            writer.WriteString("policy_version", _engine._policy.Version);
            writer.WriteNumber("fields_removed", _counts.FieldsRemoved);
            writer.WriteStartObject("redaction_counts");
            foreach (var (entity, count) in _counts.ByEntity)
            {
                writer.WriteNumber(entity, count);
            }

            writer.WriteEndObject();
            WriteOutputRedactions(writer);
            writer.WriteEndObject();
        }

        // Redactions inside model outputs (the response text and the prediction), by path and entity
        // type: the leakage stage raises "PII in model output" alerts from these counts. Counts and
        // paths only; written only when there are any.
        private readonly void WriteOutputRedactions(Utf8JsonWriter writer)
        {
            string? open = null;
            foreach (var (key, count) in _counts.ByField.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var bar = key.LastIndexOf('|');
                var path = key[..bar];
                if (!ModelOutputPaths.IsOutput(path))
                {
                    continue;
                }

                if (open is null)
                {
                    writer.WriteStartObject("output_redactions");
                }

                if (!string.Equals(open, path, StringComparison.Ordinal))
                {
                    if (open is not null)
                    {
                        writer.WriteEndObject();
                    }

                    writer.WriteStartObject(path);
                    open = path;
                }

                writer.WriteNumber(key[(bar + 1)..], count);
            }

            if (open is not null)
            {
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
    }
}
