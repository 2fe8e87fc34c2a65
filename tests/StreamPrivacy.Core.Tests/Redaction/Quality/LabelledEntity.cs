namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>A labelled entity inside a corpus sentence.</summary>
internal readonly record struct LabelledEntity(int Start, int Length, string EntityType)
{
    public int End => Start + Length;
}
