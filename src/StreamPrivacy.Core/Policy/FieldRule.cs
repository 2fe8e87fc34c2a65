using StreamPrivacy.Core.Redaction.Operators;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Policy;

/// <summary>
/// An explicit treatment for the fields matching <see cref="Path"/>: the operator is applied to every
/// scalar under the path instead of free-text scanning (<c>keep</c> passes values through unscanned).
/// The first matching rule wins.
/// </summary>
/// <param name="Path">The field path pattern.</param>
/// <param name="Operator">The operator and its parameters.</param>
public sealed record FieldRule(FieldPath Path, OperatorSpec Operator);
