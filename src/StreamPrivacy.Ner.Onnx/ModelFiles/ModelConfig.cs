using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Ner.Onnx.ModelFiles;

/// <summary>What the detector needs from a transformers <c>config.json</c>.</summary>
/// <param name="Labels">Label names by class id (<c>id2label</c>).</param>
/// <param name="MaxPositionEmbeddings">The model's position limit, when given.</param>
internal sealed record ModelConfig(IReadOnlyList<string> Labels, int? MaxPositionEmbeddings)
{
    public const string FileName = "config.json";

    public static ModelConfig Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var document = JsonFile.TryRead(path)
            ?? throw new FileNotFoundException($"The model directory has no {FileName} (id2label is read from it).", FileName);
        var root = document.RootElement;
        if (!root.TryGetProperty("id2label", out var id2Label) || id2Label.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{FileName} in the model directory has no id2label object: it is not a token-classification config.");
        }

        var byId = new SortedDictionary<int, string>();
        foreach (var entry in id2Label.EnumerateObject())
        {
            if (!int.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || entry.Value.ValueKind != JsonValueKind.String
                || !byId.TryAdd(id, entry.Value.GetString()!))
            {
                throw new InvalidDataException($"{FileName} in the model directory has an invalid id2label entry (keys must be distinct class ids, values label names).");
            }
        }

        if (byId.Count == 0 || byId.Keys.Last() != byId.Count - 1)
        {
            throw new InvalidDataException($"{FileName} in the model directory: id2label must number its labels 0..n-1 without gaps.");
        }

        return new ModelConfig([.. byId.Values], JsonFile.GetPositiveInt(root, "max_position_embeddings"));
    }
}
