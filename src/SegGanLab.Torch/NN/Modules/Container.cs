using System.Collections;
using static SegGanLab.Torch.torch.nn;

namespace SegGanLab.Torch.Modules;

/// <summary>Runs modules one after another; children are named "0", "1", ... unless named explicitly.</summary>
public sealed class Sequential : Module<Tensor, Tensor>, IEnumerable<Module<Tensor, Tensor>>
{
    readonly List<Module<Tensor, Tensor>> _layers = new();

    internal Sequential(IEnumerable<(string name, Module<Tensor, Tensor> module)> layers) : base(nameof(Sequential))
    {
        foreach (var (name, module) in layers) append(name, module);
    }

    /// <summary>Adds a layer at the end, named by its position.</summary>
    public Sequential append(Module<Tensor, Tensor> module) => append(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    /// <summary>Adds a named layer at the end.</summary>
    public Sequential append(string name, Module<Tensor, Tensor> module)
    {
        register_module(name, module);
        _layers.Add(module);
        return this;
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module<Tensor, Tensor> this[int index] => _layers[index];

    /// <summary>
    /// Chains the layers. Intermediate results are disposed as soon as the next layer has used them
    /// (autograd keeps what backward needs natively), so a deep stack holds few .NET handles.
    /// </summary>
    public override Tensor forward(Tensor input)
    {
        if (_layers.Count == 0) return input.alias();
        var x = _layers[0].forward(input);
        for (var k = 1; k < _layers.Count; k++)
        {
            var next = _layers[k].forward(x);
            if (!ReferenceEquals(next, x)) x.Dispose();
            x = next;
        }
        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of submodules, registered as "0", "1", ... (for loops in a forward pass).</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    readonly List<T> _items = new();

    internal ModuleList(IEnumerable<T> modules) : base("ModuleList")
    {
        foreach (var m in modules) Add(m);
    }

    /// <summary>Adds a module at the end.</summary>
    public void Add(T module)
    {
        register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        _items.Add(module);
    }

    /// <inheritdoc/>
    public T this[int index] => _items[index];
    /// <inheritdoc/>
    public int Count => _items.Count;
    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Submodules by name, in insertion order.</summary>
public sealed class ModuleDict<T> : Module, IReadOnlyDictionary<string, T> where T : Module
{
    readonly OrderedDictionary<string, T> _items = new();

    internal ModuleDict(IEnumerable<(string name, T module)> modules) : base("ModuleDict")
    {
        foreach (var (n, m) in modules) Add(n, m);
    }

    /// <summary>Adds a named module.</summary>
    public void Add(string name, T module)
    {
        register_module(name, module);
        _items[name] = module;
    }

    /// <inheritdoc/>
    public T this[string key] => _items[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => _items.Keys;
    /// <inheritdoc/>
    public IEnumerable<T> Values => _items.Values;
    /// <inheritdoc/>
    public int Count => _items.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _items.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) => _items.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
