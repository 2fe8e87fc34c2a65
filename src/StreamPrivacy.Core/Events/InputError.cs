namespace StreamPrivacy.Core.Events;

/// <summary>
/// A rejected record's reason and the JSON path where the problem was found. The detail names
/// the problem only: it must never contain a value taken from the record.
/// </summary>
/// <param name="Reason">The counted reason.</param>
/// <param name="Path">JSON path of the offending field (e.g. <c>$.features.age</c>), or <c>$</c>.</param>
/// <param name="Detail">A value-free description of the problem.</param>
public sealed record InputError(InputErrorReason Reason, string Path, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason.ToCode()} at {Path}: {Detail}";
}
