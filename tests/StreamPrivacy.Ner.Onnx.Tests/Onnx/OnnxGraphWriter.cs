using System.Globalization;

namespace StreamPrivacy.Ner.Onnx.Tests.Onnx;

/// <summary>
/// Writes a genuine ONNX ModelProto for a token classifier whose logits are a table lookup:
/// <c>logits = Gather(embedding[vocab, labels], input_ids) (+ Gather(zeros[2, labels], attention_mask)
/// + Gather(zeros[2, labels], token_type_ids))</c>. The zero lookups make the model consume (and so
/// require) those inputs. Field numbers are those of onnx.proto.
/// </summary>
internal static class OnnxGraphWriter
{
    private const int FloatType = 1;
    private const int Int32Type = 6;
    private const int Int64Type = 7;
    private const int AttributeInt = 2;

    /// <param name="embedding">Logits per vocabulary id.</param>
    /// <param name="attentionMask">Declare (and consume) attention_mask.</param>
    /// <param name="tokenTypeIds">Declare (and consume) token_type_ids.</param>
    /// <param name="int32Inputs">Declare int32 instead of int64 inputs.</param>
    /// <param name="fixedLength">A fixed sequence length instead of a symbolic one.</param>
    /// <param name="positionBias">
    /// Logits added by position in the sequence counted from its start ([CLS] is 1) and from its end ([SEP] is 1),
    /// through forward and reverse <c>CumSum(attention_mask)</c>: a way to make predictions depend on where a token
    /// sits in its window. Needs <paramref name="attentionMask"/>.
    /// </param>
    public static byte[] TokenClassifier(float[,] embedding, bool attentionMask, bool tokenTypeIds, bool int32Inputs, int? fixedLength, float[,]? positionBias = null)
    {
        var labels = embedding.GetLength(1);
        var graph = new ProtoMessage()
            .String(2, "tiny-token-classifier")
            .Message(5, FloatTensor("embedding", embedding))
            .Message(5, FloatTensor("zeros", new float[2, labels]));

        var inputType = int32Inputs ? Int32Type : Int64Type;
        var sequence = fixedLength?.ToString(CultureInfo.InvariantCulture) ?? "sequence";
        graph.Message(11, ValueInfo("input_ids", inputType, ["batch", sequence]));
        graph.Message(1, Node("Gather", ["embedding", "input_ids"], "token_logits", axis: 0));
        var sum = "token_logits";
        var step = 0;
        foreach (var (enabled, name) in new[] { (attentionMask, "attention_mask"), (tokenTypeIds, "token_type_ids") })
        {
            if (!enabled)
            {
                continue;
            }

            graph.Message(11, ValueInfo(name, inputType, ["batch", sequence]));
            graph.Message(1, Node("Gather", ["zeros", name], name + "_zero", axis: 0));
            graph.Message(1, Node("Add", [sum, name + "_zero"], "sum" + step));
            sum = "sum" + step++;
        }

        if (positionBias is not null)
        {
            graph.Message(5, FloatTensor("position_bias", positionBias));
            graph.Message(5, new ProtoMessage().Int32(2, Int64Type).String(8, "sequence_axis").Bytes(9, BitConverter.GetBytes(1L)));
            graph.Message(1, Node("Cast", ["attention_mask"], "mask64", intAttribute: ("to", Int64Type)));
            graph.Message(1, Node("CumSum", ["mask64", "sequence_axis"], "positions"));
            graph.Message(1, Node("Gather", ["position_bias", "positions"], "position_logits", axis: 0));
            graph.Message(1, Node("CumSum", ["mask64", "sequence_axis"], "positions_from_end", intAttribute: ("reverse", 1)));
            graph.Message(1, Node("Gather", ["position_bias", "positions_from_end"], "position_from_end_logits", axis: 0));
            graph.Message(1, Node("Add", [sum, "position_logits"], "biased"));
            graph.Message(1, Node("Add", ["biased", "position_from_end_logits"], "biased_both_ends"));
            sum = "biased_both_ends";
        }

        graph.Message(1, Node("Identity", [sum], "logits"));
        graph.Message(12, ValueInfo("logits", FloatType, ["batch", sequence, labels.ToString(CultureInfo.InvariantCulture)]));

        return new ProtoMessage()
            .Int64(1, 8) // ir_version
            .String(2, "StreamPrivacy.Ner.Onnx.Tests")
            .Message(7, graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Int64(2, 13)) // opset_import: ai.onnx 13
            .ToArray();
    }

    private static ProtoMessage FloatTensor(string name, float[,] values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length); // little-endian, as raw_data requires (x64/arm64)
        return new ProtoMessage()
            .Int64(1, values.GetLength(0))
            .Int64(1, values.GetLength(1))
            .Int32(2, FloatType)
            .String(8, name)
            .Bytes(9, raw);
    }

    private static ProtoMessage Node(string opType, string[] inputs, string output, int? axis = null, (string Name, long Value)? intAttribute = null)
    {
        var node = new ProtoMessage();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, output + "_node").String(4, opType);
        if (axis is { } a)
        {
            intAttribute = ("axis", a);
        }

        if (intAttribute is { } attribute)
        {
            node.Message(5, new ProtoMessage().String(1, attribute.Name).Int64(3, attribute.Value).Int32(20, AttributeInt));
        }

        return node;
    }

    /// <summary>A tensor value; a numeric dimension is fixed, anything else a symbolic one.</summary>
    private static ProtoMessage ValueInfo(string name, int elementType, string[] dimensions)
    {
        var shape = new ProtoMessage();
        foreach (var dimension in dimensions)
        {
            var dim = long.TryParse(dimension, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? new ProtoMessage().Int64(1, value) : new ProtoMessage().String(2, dimension);
            shape.Message(1, dim);
        }

        var tensorType = new ProtoMessage().Int32(1, elementType).Message(2, shape);
        return new ProtoMessage().String(1, name).Message(2, new ProtoMessage().Message(1, tensorType));
    }
}
