using SegGanLab.Torch.Native;

namespace SegGanLab.Torch;

/// <summary>
/// A random-number generator independent of the global one (data shuffling, augmentation,
/// noise), as <c>torch.Generator</c>. Pass it to the random factories and in-place samplers.
/// </summary>
public sealed class Generator : IDisposable
{
    IntPtr _handle;

    /// <summary>A generator on <paramref name="device"/> (default CPU) seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed = 67280421310721UL, Device? device = null)
    {
        var d = device ?? Device.CPU;
        _handle = NativeMethods.sg_generator_new(seed, (int)d.Type, d.NativeIndex);
        if (_handle == IntPtr.Zero) throw Tensor.Fail("Generator", []);
    }

    internal IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Generator));

    /// <summary>Re-seeds the generator.</summary>
    public Generator manual_seed(ulong seed)
    {
        Tensor.Check(NativeMethods.sg_generator_manual_seed(Handle, seed), "Generator.manual_seed");
        return this;
    }

    /// <summary>The seed it was last seeded with.</summary>
    public ulong initial_seed() => NativeMethods.sg_generator_initial_seed(Handle);

    /// <summary>The full state as a uint8 tensor (save it to resume a run's random stream).</summary>
    public Tensor get_state() => Tensor.Wrap(NativeMethods.sg_generator_get_state(Handle), "Generator.get_state");

    /// <summary>Restores a state from <see cref="get_state"/>.</summary>
    public void set_state(Tensor state) => Tensor.Check(NativeMethods.sg_generator_set_state(Handle, state.Handle), "Generator.set_state", state);

    /// <summary>Frees the native generator.</summary>
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (h != IntPtr.Zero) NativeMethods.sg_generator_free(h);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native generator if Dispose was not called.</summary>
    ~Generator() => Dispose();
}
