using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>Loads <see cref="StreamPrivacyOptions"/> from a YAML file (snake_case keys).</summary>
public static class OptionsLoader
{
    /// <summary>Reads and validates <paramref name="path"/>; errors name the file, line and problem.</summary>
    public static StreamPrivacyOptions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OptionsValidationException($"{path}: cannot read the configuration file ({ex.GetType().Name})", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    public static StreamPrivacyOptions Parse(string yaml, string source)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithTypeConverter(new TimeSpanYamlConverter())
            .Build();
        StreamPrivacyOptions options;
        try
        {
            options = deserializer.Deserialize<StreamPrivacyOptions?>(yaml) ?? new StreamPrivacyOptions();
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new OptionsValidationException($"{source}:{ex.Start.Line}:{ex.Start.Column}: {reason}", ex);
        }

        try
        {
            options.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new OptionsValidationException($"{source}: {ex.Message}", ex);
        }

        return options;
    }
}
