using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The values of an event that drift is computed on, shared by reference profiles, the offline
/// command and the streaming profile stage so every path sees the same names:
/// every member of <c>features</c> under its own name, the prediction as
/// <c>prediction.score</c> and <c>prediction.label</c>, and the ground truth as <c>label</c>
/// (label drift). Prediction and label members are only monitored when present and not null,
/// so a stream without labels has no <c>label</c> feature.
/// </summary>
internal static class MonitoredValues
{
    /// <summary>Name of the prediction score feature.</summary>
    public const string PredictionScore = "prediction.score";

    /// <summary>Name of the predicted label feature.</summary>
    public const string PredictionLabel = "prediction.label";

    /// <summary>Name of the ground-truth label feature.</summary>
    public const string Label = "label";

    /// <summary>Calls <paramref name="visit"/> with each monitored (name, value) of <paramref name="evt"/>.</summary>
    public static void ForEach<TState>(JsonElement evt, TState state, Action<TState, string, JsonElement> visit)
    {
        if (evt.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (evt.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in features.EnumerateObject())
            {
                visit(state, property.Name, property.Value);
            }
        }

        if (evt.TryGetProperty("prediction", out var prediction) && prediction.ValueKind == JsonValueKind.Object)
        {
            if (prediction.TryGetProperty("score", out var score) && score.ValueKind != JsonValueKind.Null)
            {
                visit(state, PredictionScore, score);
            }

            if (prediction.TryGetProperty("label", out var predicted) && predicted.ValueKind != JsonValueKind.Null)
            {
                visit(state, PredictionLabel, predicted);
            }
        }

        if (evt.TryGetProperty("label", out var label) && label.ValueKind != JsonValueKind.Null)
        {
            visit(state, Label, label);
        }
    }

    /// <summary>The value of the monitored value <paramref name="name"/> in <paramref name="evt"/>, if present.</summary>
    public static bool TryGet(JsonElement evt, string name, out JsonElement value)
    {
        value = default;
        if (evt.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        switch (name)
        {
            case PredictionScore:
                return TryGetPrediction(evt, "score", out value);
            case PredictionLabel:
                return TryGetPrediction(evt, "label", out value);
            case Label:
                return evt.TryGetProperty("label", out value) && value.ValueKind != JsonValueKind.Null;
            default:
                return evt.TryGetProperty("features", out var features)
                    && features.ValueKind == JsonValueKind.Object
                    && features.TryGetProperty(name, out value);
        }
    }

    private static bool TryGetPrediction(JsonElement evt, string member, out JsonElement value)
    {
        value = default;
        return evt.TryGetProperty("prediction", out var prediction)
            && prediction.ValueKind == JsonValueKind.Object
            && prediction.TryGetProperty(member, out value)
            && value.ValueKind != JsonValueKind.Null;
    }
}
