using System.Text.Json;

namespace StreamPrivacy.Ner.Onnx.ModelFiles;

/// <summary>Reads the JSON files of a model directory with <see cref="JsonDocument"/> (no reflection: trim- and AOT-safe).</summary>
internal static class JsonFile
{
    /// <summary>Parses <paramref name="path"/>; null when it does not exist. Errors name the file, never its content.</summary>
    public static JsonDocument? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException($"{Path.GetFileName(path)} in the model directory is not a JSON object.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} in the model directory is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }
    }

    public static bool? GetBool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>A positive integer property, saturated to <see cref="int.MaxValue"/> (tokenizer configs write 1e30 for "unlimited").</summary>
    public static int? GetPositiveInt(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var number = value.GetDouble();
        return number < 1 ? null : number >= int.MaxValue ? int.MaxValue : (int)number;
    }

    /// <summary>A string property, or the <c>content</c> of an AddedToken object (<c>{"content": "[CLS]", …}</c>).</summary>
    public static string? GetTokenString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String => content.GetString(),
            _ => null,
        };
    }
}
