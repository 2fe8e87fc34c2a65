namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>Per-thread working space of the PERSON detector: the words of the text and the candidate names.</summary>
internal sealed class PersonScanState
{
    public NameToken[] Tokens = new NameToken[64];

    public NameSpan[] Spans = new NameSpan[8];

    public int SpanCount;

    public void AddSpan(int first, int last, double points, bool unseeded)
    {
        if (SpanCount == Spans.Length)
        {
            Array.Resize(ref Spans, Spans.Length * 2);
        }

        Spans[SpanCount++] = new NameSpan { First = first, Last = last, Points = points, Unseeded = unseeded };
    }

    /// <summary>A candidate name: words <see cref="First"/>..<see cref="Last"/> and its points.</summary>
    internal struct NameSpan
    {
        public int First;
        public int Last;
        public double Points;

        /// <summary>Already lifted by a repeated mention or a list (once only).</summary>
        public bool Lifted;

        /// <summary>Capitalised words in no name list without context that makes them a name: reported only if lifted.</summary>
        public bool Unseeded;

        /// <summary>A name later passes can lean on: reportable and scoring at least <see cref="PersonEvidence.Confident"/>.</summary>
        public readonly bool IsConfident => (!Unseeded || Lifted) && PersonEvidence.Score(Points) >= PersonEvidence.Confident;
    }
}
