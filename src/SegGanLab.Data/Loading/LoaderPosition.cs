using System.Globalization;
using System.Text.RegularExpressions;

namespace SegGanLab.Data;

/// <summary>
/// A place in a loader's batch sequence: batch <see cref="Batch"/> of epoch <see cref="Epoch"/>.
/// Checkpoint the stream's position (as a string: <see cref="ToString"/> and <see cref="Parse"/>
/// round-trip) and start a new stream there to see exactly the batches an uninterrupted run would
/// have seen.
/// </summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="Batch">The batch within the epoch, from 0.</param>
public readonly partial record struct LoaderPosition(int Epoch, int Batch)
{
    /// <summary>The start of training.</summary>
    public static LoaderPosition Start => default;

    /// <summary>"epoch E, batch B", the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"epoch {Epoch}, batch {Batch}");

    /// <summary>Reads the form <see cref="ToString"/> writes.</summary>
    /// <exception cref="FormatException">For any other text, quoting it.</exception>
    public static LoaderPosition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Form().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var epoch) ||
            !int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var batch))
            throw new FormatException($"'{text}' is not a loader position; expected \"epoch E, batch B\" (as LoaderPosition.ToString() writes).");
        return new LoaderPosition(epoch, batch);
    }

    [GeneratedRegex(@"^\s*epoch\s+(\d+),\s*batch\s+(\d+)\s*$")]
    private static partial Regex Form();
}
