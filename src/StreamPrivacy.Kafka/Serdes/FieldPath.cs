using System.Globalization;
using System.Text;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Tracks the position inside a value while walking it, so errors can name a field path.
/// Map keys are deliberately not recorded: they come from the payload (attribute names,
/// feature names) and could themselves carry personal data.
/// </summary>
internal sealed class FieldPath
{
    private const int MapValue = -1;
    private const int Field = -2;

    private readonly List<(string? Name, int Index)> _segments = new(8);

    public void PushField(string name) => _segments.Add((name, Field));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void PushMapValue() => _segments.Add((null, MapValue));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public override string ToString()
    {
        var sb = new StringBuilder("$");
        foreach (var (name, index) in _segments)
        {
            if (index == Field)
            {
                sb.Append('.').Append(name);
            }
            else if (index == MapValue)
            {
                sb.Append("[*]");
            }
            else
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.ToString();
    }
}
