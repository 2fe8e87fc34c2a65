using System.Text.Json.Nodes;

namespace StreamPrivacy.Core.Policy;

/// <summary>Decides whether an event's recorded consent covers every required purpose.</summary>
public sealed class ConsentFilter
{
    private readonly string[] _required;

    /// <summary>Creates a filter requiring all of <paramref name="requiredPurposes"/>.</summary>
    public ConsentFilter(IEnumerable<string> requiredPurposes) => _required = requiredPurposes.Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>True when the event's <c>consent</c> array holds every required purpose (exact, case-sensitive).</summary>
    /// <remarks>A missing or null consent list grants nothing.</remarks>
    public bool IsPermitted(JsonObject evt)
    {
        if (_required.Length == 0)
        {
            return true;
        }

        if (!evt.TryGetPropertyValue("consent", out var node) || node is not JsonArray granted)
        {
            return false;
        }

        foreach (var purpose in _required)
        {
            var found = false;
            foreach (var item in granted)
            {
                if (item is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, purpose, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
