using System.CommandLine;
using StreamPrivacy.Cli.Commands;

var root = new RootCommand("StreamPrivacy: privacy-preserving ML observability on Apache Kafka. Consumes raw inference and feature events, enforces consent and minimisation, redacts PII, pseudonymises subjects and writes sanitized events.")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    RedactCommand.Create(),
    DriftCommand.Create(),
    ProfileCommand.Create(),
    CanaryCommand.Create(),
    AuditCommand.Create(),
    ReportCommand.Create(),
};

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
