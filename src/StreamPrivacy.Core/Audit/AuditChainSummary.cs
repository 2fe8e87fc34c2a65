namespace StreamPrivacy.Core.Audit;

/// <summary>What the verifier found for one chain.</summary>
public sealed record AuditChainSummary
{
    /// <summary>Chain id.</summary>
    public required string Chain { get; init; }

    /// <summary>Entries accepted (up to the first failure).</summary>
    public required long Entries { get; init; }

    /// <summary>Sequence of the last accepted entry (-1 when none).</summary>
    public required long LastSequence { get; init; }

    /// <summary>Hex hash of the last accepted entry.</summary>
    public required string LastHash { get; init; }

    /// <summary>Chain heads whose signatures verified.</summary>
    public required int HeadsVerified { get; init; }

    /// <summary>Accepted entries after the last verified head: linked by hash but not yet authenticated.</summary>
    public required long UnsignedTail { get; init; }

    /// <summary>True when the chain ends with a closing head (its writer stopped gracefully).</summary>
    public required bool Closed { get; init; }

    /// <summary>Byte-identical repeats of accepted entries (redelivery), ignored.</summary>
    public required int Duplicates { get; init; }

    /// <summary>The first bad record of this chain, or null.</summary>
    public AuditFailure? Failure { get; init; }
}
