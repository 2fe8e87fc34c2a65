using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// The second, independent look at a sanitized record before it is produced (DESIGN §2): it parses the
/// output again and scans every string, property name and long digit run with the full built-in
/// detector set, whatever the policy disabled. Values the policy deliberately keeps (<c>keep</c> rules)
/// and tokens made by operators are not findings. A hit means the record is withheld and counted.
/// Thread-safe.
/// </summary>
public sealed class PostRedactionVerifier
{
    private static readonly SearchValues<char> TokenBreakers = SearchValues.Create(" \t\r\n@,;/+=");
    private readonly TextScanner _scanner;
    private readonly FieldPath[] _exempt;
    private readonly ThreadLocal<State> _state = new(() => new State());
    private readonly CleanVerdicts? _engineVerdicts;

    /// <summary>Creates a verifier over <paramref name="scanner"/>; <paramref name="exemptPaths"/> are fields the policy keeps on purpose.</summary>
    public PostRedactionVerifier(TextScanner scanner, IEnumerable<FieldPath> exemptPaths)
    {
        _scanner = scanner;
        _exempt = [.. exemptPaths];
    }

    /// <summary>
    /// Creates a verifier that takes the clean verdicts of engines whose detectors include all of its own
    /// (<paramref name="engineVerdicts"/>) instead of scanning those strings a second time.
    /// </summary>
    internal PostRedactionVerifier(TextScanner scanner, IEnumerable<FieldPath> exemptPaths, CleanVerdicts? engineVerdicts)
        : this(scanner, exemptPaths) => _engineVerdicts = engineVerdicts;

    /// <summary>Returns the entity type and path of the first PII found in <paramref name="json"/>, or null when clean.</summary>
    /// <remarks>The path never contains a value: a finding inside a property name is reported as <c>&lt;key&gt;</c>.</remarks>
    public (string EntityType, string Path)? FindLeak(ReadOnlySpan<byte> json)
    {
        var state = _state.Value!;
        var path = state.Path;
        path.Clear();
        state.Hints.Clear();
        state.Containers.Clear();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    state.Containers.Push(reader.TokenType == JsonTokenType.StartObject);
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        path.Add(PathElement.Index);
                        state.Hints.Add(state.Hint); // elements inherit the array's key
                    }

                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    state.Containers.Pop();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        path.RemoveAt(path.Count - 1);
                        state.Hints.RemoveAt(state.Hints.Count - 1);
                    }

                    EndValue(state);
                    continue;
                case JsonTokenType.PropertyName:
                    if (KnownCleanName(ref reader, state) is { } known)
                    {
                        path.Add(new PathElement(known.Name));
                        state.Hints.Add(PathHints.Of(CollectionsMarshal.AsSpan(path), known.Hint, known.IsGenericKey));
                        continue;
                    }

                    path.Add(new PathElement("<key>"));
                    state.Hints.Add(FieldHint.None);
                    if (Scan(ref reader, state) is { } nameLeak)
                    {
                        return nameLeak; // the path names the key's position, never the key
                    }

                    var name = RememberCleanName(ref reader, state);
                    path[^1] = new PathElement(name);
                    state.Hints[^1] = PathHints.Of(CollectionsMarshal.AsSpan(path), FieldHints.ForKey(name), FieldHints.IsGeneric(name));
                    continue;
                case JsonTokenType.String when !IsExempt(path):
                    if (Scan(ref reader, state) is { } leak)
                    {
                        return leak;
                    }

                    EndValue(state);
                    continue;
                case JsonTokenType.Number when !IsExempt(path):
                    if (ScanNumber(ref reader, state) is { } numberLeak)
                    {
                        return numberLeak;
                    }

                    EndValue(state);
                    continue;
                default:
                    EndValue(state);
                    continue;
            }
        }

        return null;
    }

    private static void EndValue(State state)
    {
        // After a property's value, drop the property name from the path.
        if (state.Containers.Count > 0 && state.Containers.Peek() && state.Path.Count > 0 && !state.Path[^1].IsIndex)
        {
            state.Path.RemoveAt(state.Path.Count - 1);
            state.Hints.RemoveAt(state.Hints.Count - 1);
        }
    }

    // Property names and short strings repeat across events: one scanned clean before is recognised by
    // its raw UTF-8 bytes (unescaped only) in the state's scan cache, without decoding or scanning it
    // again. The verdict is the same as a fresh scan's (detection is a pure function of the text).
    private static CachedName? KnownCleanName(ref Utf8JsonReader reader, State state) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence && state.Cache.TryGetName(reader.ValueSpan, out var cached) ? cached : null;

    private static string RememberCleanName(ref Utf8JsonReader reader, State state)
    {
        var name = reader.GetString()!;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            state.Cache.AddName(reader.ValueSpan, name, default);
        }

        return name;
    }

    private (string, string)? Scan(ref Utf8JsonReader reader, State state)
    {
        // Clean-verdict memos hold context-free scans only: a value under a key that names an entity is scanned afresh.
        var hint = reader.TokenType == JsonTokenType.PropertyName ? FieldHint.None : state.Hint;
        var memo = hint == FieldHint.None;
        var plain = !reader.ValueIsEscaped && !reader.HasValueSequence && reader.TokenType == JsonTokenType.String;
        if (plain && memo && state.Cache.TryGetClean(reader.ValueSpan, out _))
        {
            return null;
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        var buffer = state.Chars(raw.Length);
        var text = buffer[..reader.CopyString(buffer)];
        if (IsOperatorToken(text) || (memo && state.Cache.IsKnownClean(text)) || _engineVerdicts?.Contains(text, hint) == true)
        {
            return null;
        }

        _scanner.Scan(text, state.Matches, state.Candidates, hint);
        if (state.Matches.Count == 0)
        {
            if (memo)
            {
                state.Cache.AddClean(text);
                if (plain)
                {
                    state.Cache.AddClean(raw, text, default);
                }
            }

            return null;
        }

        return (state.Matches[0].EntityType, PathElement.Render(CollectionsMarshal.AsSpan(state.Path)));
    }

    private (string, string)? ScanNumber(ref Utf8JsonReader reader, State state)
    {
        Span<char> digits = stackalloc char[JsonNumberDigits.MaxDigits];
        if (!RedactionEngine.TryGetScannableDigits(reader.ValueSpan, state.Hint, digits, out var length))
        {
            return null;
        }

        _scanner.Scan(digits[..length], state.Matches, state.Candidates, state.Hint);
        return state.Matches.Count == 0 ? null : (state.Matches[0].EntityType, PathElement.Render(CollectionsMarshal.AsSpan(state.Path)));
    }

    private bool IsExempt(List<PathElement> path)
    {
        var span = CollectionsMarshal.AsSpan(path);
        foreach (var exempt in _exempt)
        {
            if (exempt.Matches(span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whole-string tokens made by the pseudonymiser and the hash and encrypt operators: base64url
    /// payloads that could contain digit runs by chance. Strict shapes, so free text that merely
    /// starts with a prefix is still scanned.
    /// </summary>
    private static bool IsOperatorToken(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny(TokenBreakers))
        {
            return false;
        }

        return (text.Length == 25 && text.StartsWith("ps_", StringComparison.Ordinal))
            || (text.StartsWith("hmac:", StringComparison.Ordinal) && text.Count(':') >= 2)
            || (text.StartsWith("enc:", StringComparison.Ordinal) && text.Count(':') >= 2);
    }

    private sealed class State
    {
        private readonly PooledChars _chars = new();

        public List<PathElement> Path { get; } = new(16);

        /// <summary>The field hint of each path element (array elements inherit their array's).</summary>
        public List<FieldHint> Hints { get; } = new(16);

        /// <summary>The hint of the value being read.</summary>
        public FieldHint Hint => Hints.Count > 0 ? Hints[^1] : FieldHint.None;

        public Stack<bool> Containers { get; } = new(16);

        public List<PiiMatch> Matches { get; } = new(4);

        public List<PiiMatch> Candidates { get; } = new(4);

        public ScanCache Cache { get; } = new();

        public Span<char> Chars(int length) => _chars.Get(length);
    }
}
