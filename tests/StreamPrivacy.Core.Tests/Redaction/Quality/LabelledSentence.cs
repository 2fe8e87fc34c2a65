namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>
/// A corpus sentence with its labelled entities. Look-alike sentences carry no entities and name the
/// look-alike <see cref="Category"/> (e.g. "uuid", "luhn-fail card") so survival can be reported per category.
/// </summary>
internal sealed record LabelledSentence(string Text, IReadOnlyList<LabelledEntity> Entities, string? Category = null)
{
    public bool IsLookAlike => Category is not null;
}
