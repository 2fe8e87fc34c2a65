using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>The secret keys a pipeline instance runs with, loaded from the environment or files.</summary>
public sealed class PipelineKeys
{
    private PipelineKeys(SecretKey pseudonym, SecretKey deadLetter)
    {
        Pseudonym = pseudonym;
        DeadLetter = deadLetter;
    }

    /// <summary>Key of the subject pseudonymisation HMAC.</summary>
    public SecretKey Pseudonym { get; }

    /// <summary>Key of the dead-letter AES-GCM encryption.</summary>
    public SecretKey DeadLetter { get; }

    /// <summary>Loads the configured keys; generates ephemeral ones, with a warning, where none is configured.</summary>
    public static PipelineKeys Load(KeyOptions options, ILogger logger)
    {
        var pseudonym = SecretKey.Load(options.PseudonymKeyEnv, options.PseudonymKeyFile, options.PseudonymKeyId);
        if (pseudonym is null)
        {
            pseudonym = SecretKey.Generate("pseudonym");
            logger.LogWarning("No pseudonymisation key configured ({Env} or keys.pseudonym_key_file): using ephemeral key {KeyId}; pseudonyms will change at the next start", options.PseudonymKeyEnv, pseudonym.KeyId);
        }

        var deadLetter = SecretKey.Load(options.DeadLetterKeyEnv, options.DeadLetterKeyFile, options.DeadLetterKeyId);
        if (deadLetter is null)
        {
            deadLetter = SecretKey.Generate("deadletter");
            logger.LogWarning("No dead-letter key configured ({Env} or keys.dead_letter_key_file): using ephemeral key {KeyId}; dead letters of this run cannot be decrypted after it ends", options.DeadLetterKeyEnv, deadLetter.KeyId);
        }

        return new PipelineKeys(pseudonym, deadLetter);
    }
}
