using System.Runtime.InteropServices;

namespace StreamPrivacy.Cli.Commands;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a cancellation, so the pipeline can flush, commit and exit 0
/// instead of being killed mid-batch. A second signal is left to the default handler (hard stop).
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal(CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cts.Token;

    public bool Requested => _cts.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cts.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cts.IsCancellationRequested)
        {
            return; // second signal: default behaviour terminates the process
        }

        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal} received: stopping gracefully (flush, commit)...");
        _cts.Cancel();
    }
}
