using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// How a JSON feature value becomes a drift observation, shared by the reference builder and the
/// current-window histograms so both sides bin identically:
/// <list type="bullet">
/// <item>JSON <c>null</c>, objects and arrays are not observations: they are skipped and counted
/// as missing by the caller (drift compares the distribution of present values).</item>
/// <item>Numbers are numeric observations; a literal that does not fit a finite double is skipped.</item>
/// <item>Booleans are categories <c>"true"</c> / <c>"false"</c>, never 0/1.</item>
/// <item>Strings are categories, compared ordinally (no trimming, no case folding).</item>
/// <item>A number seen by a categorical feature becomes the category text of its double value in
/// the invariant culture (shortest round-trip form, so <c>1e2</c> and <c>100</c> are <c>"100"</c>).</item>
/// </list>
/// </summary>
internal static class FeatureValues
{
    /// <summary>The finite double of a JSON number; false for every other value.</summary>
    public static bool TryGetNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out number) && double.IsFinite(number);
    }

    /// <summary>The category text of a JSON string, boolean or finite number; false otherwise.</summary>
    public static bool TryGetCategory(JsonElement value, out string category)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                category = value.GetString()!;
                return true;
            case JsonValueKind.True:
                category = "true";
                return true;
            case JsonValueKind.False:
                category = "false";
                return true;
            case JsonValueKind.Number when TryGetNumber(value, out var number):
                category = NumberCategory(number);
                return true;
            default:
                category = string.Empty;
                return false;
        }
    }

    /// <summary>Category text of a number seen by a categorical feature.</summary>
    public static string NumberCategory(double number) => number.ToString(CultureInfo.InvariantCulture);
}
