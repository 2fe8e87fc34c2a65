namespace StreamPrivacy.Ner.Onnx.Decoding;

/// <summary>The position prefix of a token-classification label.</summary>
internal enum TagKind
{
    /// <summary><c>O</c>: outside any entity.</summary>
    Outside,

    /// <summary><c>B-</c>: begins an entity.</summary>
    Begin,

    /// <summary><c>I-</c>, or a label without prefix (<c>PER</c>): continues an entity of the same type, or starts one.</summary>
    Inside,

    /// <summary><c>E-</c> / <c>L-</c> (BIOES / BILOU): ends an entity.</summary>
    End,

    /// <summary><c>S-</c> / <c>U-</c> (BIOES / BILOU): a one-word entity.</summary>
    Single,
}
