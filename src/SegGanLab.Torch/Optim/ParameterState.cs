namespace SegGanLab.Torch;

/// <summary>
/// An optimizer's state for one parameter (PyTorch's <c>optimizer.state[p]</c>): a step count for
/// optimizers that keep one, and named tensors such as <c>exp_avg</c> or <c>momentum_buffer</c>,
/// shaped like the parameter. The tensors are owned by this object, never by a dispose scope.
/// </summary>
public sealed class ParameterState : IDisposable
{
    /// <summary>Steps taken for this parameter (Adam's bias correction uses it); null for optimizers without one (SGD).</summary>
    public long? step { get; set; }

    /// <summary>The state tensors by name.</summary>
    public Dictionary<string, Tensor> tensors { get; } = new();

    /// <summary>Adds (or replaces and frees) a state tensor, taking it out of any dispose scope.</summary>
    internal Tensor Set(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        if (tensors.TryGetValue(name, out var old) && !ReferenceEquals(old, value)) old.Dispose();
        tensors[name] = value;
        return value;
    }

    /// <summary>Frees every state tensor.</summary>
    public void Dispose()
    {
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
