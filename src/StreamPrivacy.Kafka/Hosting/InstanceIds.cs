using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>
/// Instance ids name one running pipeline among those sharing the consumer groups: they end the
/// transactional ids (<c>{group prefix}-{stage}-{instance id}</c>), the client ids and the audit chains
/// (<c>sanitize/{instance id}</c>, <c>release/{instance id}</c>).
/// </summary>
/// <remarks>
/// They must be unique among live instances: a second producer with the same transactional id fences
/// the first (a fatal error that stops it), and two writers of one audit chain fork it. A stable id
/// (e.g. a pod name) lets a restarted instance fence its predecessor's producer at once and continue
/// its audit chain; the default (machine name and process id) is unique per process, so a restart
/// starts a new chain and the old transactional id's open transaction, if any, is aborted by the
/// broker after <c>transaction.timeout.ms</c>.
/// </remarks>
public static class InstanceIds
{
    /// <summary>Environment variable <c>run</c> reads the instance id from when <c>--instance-id</c> is not given.</summary>
    public const string EnvironmentVariable = "STREAMPRIVACY_INSTANCE_ID";

    private const int MaxLength = 100;

    /// <summary>The default instance id of this process: <c>{machine name}-{process id}</c>.</summary>
    public static string Default()
    {
        var host = new string([.. Environment.MachineName.Select(c => IsAllowed(c) ? c : '-')]);
        return $"{host[..Math.Min(host.Length, 80)]}-{Environment.ProcessId}";
    }

    /// <summary>Throws unless <paramref name="id"/> is 1–100 characters of letters, digits, '.', '_' and '-'.</summary>
    /// <exception cref="OptionsValidationException">The id is empty, too long or has other characters.</exception>
    public static void Validate(string id)
    {
        if (id.Length is 0 or > MaxLength || !id.All(IsAllowed))
        {
            throw new OptionsValidationException($"instance id must be 1-{MaxLength} characters of letters, digits, '.', '_' and '-' (it ends transactional ids and audit chain ids)");
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
