namespace StreamPrivacy.Core.Events;

/// <summary>The two kinds of raw event the pipeline accepts.</summary>
public enum EventKind
{
    /// <summary>An inference event: model, features, prediction, optional label and free text.</summary>
    Inference,

    /// <summary>A feature event: a feature vector from serving or a feature pipeline.</summary>
    Features,
}
