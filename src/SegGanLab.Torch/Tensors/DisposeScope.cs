namespace SegGanLab.Torch;

/// <summary>
/// A thread-local region that owns every tensor created on its thread while it is the
/// innermost open scope, and disposes them when it is disposed. Training steps, optimizer
/// steps, metric updates and script cells each run inside one, so temporaries never pile
/// up waiting for the GC. Results leave with <see cref="MoveToOuter(Tensor)"/> (or
/// <see cref="Tensor.MoveToOuterDisposeScope"/>); parameters and optimizer state leave with
/// <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
/// <example><code>
/// using (var scope = torch.NewDisposeScope())
/// {
///     var loss = criterion(model.forward(x), y);
///     loss.backward();
///     return scope.MoveToOuter(loss.detach());
/// }
/// </code></example>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] static DisposeScope? _current;

    readonly List<Tensor> _owned = new();
    readonly DisposeScope? _outer;
    bool _disposed;

    internal DisposeScope()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>The innermost open scope on this thread, or null.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>The tensors this scope still owns.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var t in _owned) if (ReferenceEquals(t.OwningScope, this) && !t.IsInvalid) n++;
            return n;
        }
    }

    internal static void Register(Tensor t)
    {
        var scope = _current;
        if (scope is null) return;
        t.OwningScope = scope;
        scope._owned.Add(t);
    }

    /// <summary>Hands <paramref name="t"/> to the enclosing scope (or to no scope) and returns it.</summary>
    public Tensor MoveToOuter(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!ReferenceEquals(t.OwningScope, this)) return t;
        t.OwningScope = null;
        if (_outer is { _disposed: false })
        {
            t.OwningScope = _outer;
            _outer._owned.Add(t);
        }
        return t;
    }

    /// <summary>Moves every tensor in <paramref name="tensors"/> to the enclosing scope.</summary>
    public void MoveToOuter(params IEnumerable<Tensor> tensors)
    {
        foreach (var t in tensors) MoveToOuter(t);
    }

    /// <summary>
    /// Disposes every tensor the scope still owns and closes the scope. Scopes opened inside it
    /// and still open (an exception skipped their <c>using</c>) are closed first, so the thread's
    /// scope stack stays consistent.
    /// </summary>
    /// <exception cref="InvalidOperationException">When called from a thread where the scope is not open.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        var inner = _current;
        while (inner is not null && !ReferenceEquals(inner, this)) inner = inner._outer;
        if (inner is null) throw new InvalidOperationException("A dispose scope must be disposed on the thread that opened it.");
        while (!ReferenceEquals(_current, this)) _current!.Dispose();
        _disposed = true;
        foreach (var t in _owned)
            if (ReferenceEquals(t.OwningScope, this))
            {
                t.OwningScope = null;
                t.Dispose();
            }
        _owned.Clear();
        _current = _outer;
    }
}
