using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Ner.Onnx;

/// <summary>The NER backend hosts hand to <c>SanitizerFactory</c>: builds the detector a policy's <c>free_text.ner</c> names.</summary>
public static class OnnxNerBackend
{
    /// <summary>Loads the model <paramref name="spec"/> names (directory, score threshold, label map).</summary>
    /// <exception cref="PolicyException">The model directory cannot be loaded (the message names the file, never text).</exception>
    public static IPiiDetector Create(NerModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            return OnnxNerDetector.Load(new OnnxNerOptions
            {
                ModelDirectory = spec.ModelDirectory,
                MinScore = spec.MinScore,
                EntityMap = spec.Labels,
            });
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException
            or ArgumentException or InvalidOperationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            throw new PolicyException($"free_text.ner: cannot load the model in {spec.ModelDirectory}: {ex.Message}", ex);
        }
    }
}
