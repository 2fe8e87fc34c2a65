namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>A WordPiece token with its range in the original (not normalized) text.</summary>
/// <param name="Id">Vocabulary id.</param>
/// <param name="Start">UTF-16 offset of its first original character.</param>
/// <param name="End">UTF-16 offset just past its last original character.</param>
/// <param name="StartsWord">False for a continuation piece (<c>##…</c>) of the previous token's word.</param>
internal readonly record struct NerToken(int Id, int Start, int End, bool StartsWord);
