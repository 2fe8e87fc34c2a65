using System.Security.Cryptography;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Random bits from the operating system CSPRNG (<see cref="RandomNumberGenerator"/>), for noise that
/// has no key to derive from (tests, demos, one-off releases that are recorded elsewhere).
/// </summary>
/// <remarks>
/// Privacy semantics: cryptographically unpredictable, but not reproducible: a release made with
/// this source must have its values recorded, because re-running it would draw fresh noise and
/// double the privacy loss. Prefer <see cref="DeterministicRandomStream.ForRelease"/> in the
/// pipeline. Thread-safe.
/// </remarks>
public sealed class CryptoRandomSource : RandomBitSource
{
    /// <summary>A shared instance (the OS CSPRNG is thread-safe).</summary>
    public static CryptoRandomSource Shared { get; } = new();

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
