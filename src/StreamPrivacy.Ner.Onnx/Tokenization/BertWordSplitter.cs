using System.Text;
using Microsoft.ML.Tokenizers;

namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>
/// BERT's pre-tokenization over normalized text: split on whitespace and make every punctuation
/// character (Unicode P* or any ASCII non-alphanumeric symbol) a word of its own; everything else,
/// including emoji and other symbols, stays in its word (the WordPiece step turns unknown words into
/// <c>[UNK]</c>). Microsoft.ML.Tokenizers' default BERT pre-tokenizer drops symbols entirely, so the
/// model would not see them. Stateless and thread-safe.
/// </summary>
internal sealed class BertWordSplitter : PreTokenizer
{
    public static BertWordSplitter Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) =>
        PreTokenize(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>();
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            consumed = Math.Max(consumed, 1);
            if (Rune.IsWhiteSpace(rune))
            {
                Flush(words, ref wordStart, i);
            }
            else if (IsPunctuation(rune))
            {
                Flush(words, ref wordStart, i);
                words.Add((i, consumed));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }

            i += consumed;
        }

        Flush(words, ref wordStart, text.Length);
        return words;
    }

    private static void Flush(List<(int Offset, int Length)> words, ref int wordStart, int end)
    {
        if (wordStart >= 0)
        {
            words.Add((wordStart, end - wordStart));
            wordStart = -1;
        }
    }

    private static bool IsPunctuation(Rune rune) =>
        rune.IsAscii ? !Rune.IsLetterOrDigit(rune) && !Rune.IsControl(rune) && rune.Value != ' ' : Rune.IsPunctuation(rune);
}
