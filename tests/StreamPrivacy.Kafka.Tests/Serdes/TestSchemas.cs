namespace StreamPrivacy.Kafka.Tests.Serdes;

/// <summary>Locates the repository's schemas folder from the test output directory.</summary>
internal static class TestSchemas
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "schemas");
                if (File.Exists(Path.Combine(candidate, "raw_inference_event.avsc")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("schemas folder not found above the test output directory");
        }
    }
}
