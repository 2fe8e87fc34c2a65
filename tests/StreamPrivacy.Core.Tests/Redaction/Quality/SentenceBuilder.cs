using System.Text;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>Builds a sentence piece by piece, recording the character span of every entity appended.</summary>
internal sealed class SentenceBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<LabelledEntity> _entities = [];

    public SentenceBuilder Text(string text)
    {
        _text.Append(text);
        return this;
    }

    public SentenceBuilder Entity(string entityType, string value)
    {
        _entities.Add(new LabelledEntity(_text.Length, value.Length, entityType));
        _text.Append(value);
        return this;
    }

    public LabelledSentence Build() => new(_text.ToString(), [.. _entities]);

    /// <summary>One sentence "prefix{value}suffix" with the value labelled.</summary>
    public static LabelledSentence Single(string prefix, string entityType, string value, string suffix) =>
        new SentenceBuilder().Text(prefix).Entity(entityType, value).Text(suffix).Build();

    /// <summary>Parses "text with [[TYPE:value]] markers" into a labelled sentence (used for hand-written cases).</summary>
    public static LabelledSentence Parse(string marked)
    {
        var builder = new SentenceBuilder();
        int i = 0;
        while (i < marked.Length)
        {
            int open = marked.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Text(marked[i..]);
                break;
            }

            // "[[[IP_ADDRESS:…]]]" is a bracketed entity: the marker is the innermost "[[".
            while (marked[open + 2] == '[')
            {
                open++;
            }

            int colon = marked.IndexOf(':', open);
            int close = marked.IndexOf("]]", colon, StringComparison.Ordinal);
            builder.Text(marked[i..open]).Entity(marked[(open + 2)..colon], marked[(colon + 1)..close]);
            i = close + 2;
        }

        return builder.Build();
    }
}
