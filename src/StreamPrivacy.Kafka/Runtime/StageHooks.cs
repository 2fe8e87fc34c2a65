namespace StreamPrivacy.Kafka.Runtime;

/// <summary>Joins several <see cref="IStageHooks"/> into one, called in order.</summary>
public static class StageHooks
{
    /// <summary>The hooks of <paramref name="hooks"/> that are not null, as one (null when none is).</summary>
    public static IStageHooks? Combine(params IStageHooks?[] hooks)
    {
        IStageHooks[] present = [.. hooks.OfType<IStageHooks>()];
        return present.Length switch
        {
            0 => null,
            1 => present[0],
            _ => new Composite(present),
        };
    }

    private sealed class Composite(IStageHooks[] hooks) : IStageHooks
    {
        public void OnStarted(IStageOutput output)
        {
            foreach (var h in hooks)
            {
                h.OnStarted(output);
            }
        }

        public void OnStopping(IStageOutput output)
        {
            foreach (var h in hooks)
            {
                h.OnStopping(output);
            }
        }

        public void OnAborted()
        {
            foreach (var h in hooks)
            {
                h.OnAborted();
            }
        }

        public void OnCommitted()
        {
            foreach (var h in hooks)
            {
                h.OnCommitted();
            }
        }

        public void OnTick(IStageOutput output)
        {
            foreach (var h in hooks)
            {
                h.OnTick(output);
            }
        }
    }
}
