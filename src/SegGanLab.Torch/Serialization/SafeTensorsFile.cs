using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace SegGanLab.Torch.Serialization;

/// <summary>
/// The tensors and metadata of a loaded safetensors file (see <see cref="SafeTensors.Load"/>).
/// It owns its tensors: disposing it disposes them, unless <see cref="Detach"/> handed them over.
/// </summary>
/// <example><code>
/// using var file = SafeTensors.Load("generator.safetensors");
/// foreach (var (name, tensor) in file.Tensors) Console.WriteLine($"{name}: {tensor}");
/// var weight = file["encoder.0.weight"];
/// </code></example>
public sealed class SafeTensorsFile : IDisposable
{
    readonly ReadOnlyCollection<KeyValuePair<string, Tensor>> _tensors;
    readonly Dictionary<string, Tensor> _byName;
    string? _released;

    internal SafeTensorsFile(string path, IList<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Metadata = metadata;
        _tensors = new ReadOnlyCollection<KeyValuePair<string, Tensor>>(tensors);
        _byName = new Dictionary<string, Tensor>(tensors, StringComparer.Ordinal);
    }

    /// <summary>The full path the file was loaded from.</summary>
    public string Path { get; }

    /// <summary>The free-form string pairs stored under <c>__metadata__</c> (empty when there are none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Every tensor with its name, in file order (by data offset), which is the order they were saved in.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/> or <see cref="Detach"/>.</exception>
    public IReadOnlyList<KeyValuePair<string, Tensor>> Tensors
    {
        get
        {
            ThrowIfReleased();
            return _tensors;
        }
    }

    /// <summary>The number of tensors.</summary>
    public int Count => _tensors.Count;

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When there is none; the message lists the names there are.</exception>
    public Tensor this[string name] => TryGetValue(name, out var tensor) ? tensor
        : throw new KeyNotFoundException($"'{Path}' has no tensor named '{name}'; it has {Count}: {string.Join(", ", _tensors.Take(10).Select(p => p.Key))}{(Count > 10 ? ", ..." : "")}.");

    /// <summary>Looks up a tensor by name.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out Tensor tensor)
    {
        ThrowIfReleased();
        return _byName.TryGetValue(name, out tensor);
    }

    /// <summary>True when the file has a tensor named <paramref name="name"/>.</summary>
    public bool ContainsKey(string name) => TryGetValue(name, out _);

    /// <summary>
    /// Hands every tensor over to the caller, in file order; this object no longer disposes them.
    /// The tensors belong to no dispose scope: dispose them when done.
    /// </summary>
    /// <exception cref="ObjectDisposedException">When already disposed or detached.</exception>
    public OrderedDictionary<string, Tensor> Detach()
    {
        ThrowIfReleased();
        _released = "detached (its tensors were handed over by Detach())";
        return new OrderedDictionary<string, Tensor>(_tensors, StringComparer.Ordinal);
    }

    /// <summary>Disposes every tensor still owned (none after <see cref="Detach"/>).</summary>
    public void Dispose()
    {
        if (_released is not null) return;
        _released = "disposed";
        foreach (var (_, tensor) in _tensors) tensor.Dispose();
    }

    void ThrowIfReleased()
    {
        if (_released is not null) throw new ObjectDisposedException(nameof(SafeTensorsFile), $"The tensors loaded from '{Path}' are no longer available here: this file was {_released}.");
    }
}
