using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

public partial class Tensor
{
    /// <summary>
    /// The accumulated gradient, or null. Each read returns a new tensor that aliases the
    /// gradient's storage (dispose it when done; the gradient itself stays on this tensor).
    /// </summary>
    public Tensor? grad
    {
        get
        {
            var has = sg_tensor_has_grad(Handle);
            if (has < 0) throw Fail("grad", [this]);
            return has == 0 ? null : Wrap(sg_tensor_grad(Handle), "grad", this);
        }
        set => Check(sg_tensor_set_grad(Handle, value?.Handle ?? IntPtr.Zero), "set grad", this, value);
    }

    /// <summary>True when this tensor has a gradient.</summary>
    public bool has_grad => sg_tensor_has_grad(Handle) == 1;

    /// <summary>True when this tensor was produced by a recorded operation.</summary>
    public bool has_grad_fn => sg_tensor_has_grad_fn(Handle) == 1;

    /// <summary>
    /// Back-propagates from this tensor. Without <paramref name="gradient"/> the tensor must be
    /// a scalar. <paramref name="create_graph"/> records the backward pass for higher-order gradients.
    /// </summary>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false) =>
        Check(sg_tensor_backward(Handle, gradient?.Handle ?? IntPtr.Zero, retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0),
              "backward", this, gradient);

    /// <summary>Clears the gradient: drops it (<paramref name="set_to_none"/>, the default as in PyTorch 2) or zeros it.</summary>
    public void zero_grad(bool set_to_none = true) => Check(sg_tensor_zero_grad(Handle, set_to_none ? 1 : 0), "zero_grad", this);

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public Tensor retain_grad() { Check(sg_tensor_retain_grad(Handle), "retain_grad", this); return this; }

    /// <summary>A tensor sharing this data but cut from the autograd graph.</summary>
    public Tensor detach() => Wrap(sg_tensor_detach(Handle), "detach", this);

    /// <summary>Cuts this tensor from the autograd graph in place.</summary>
    public Tensor detach_()
    {
        using var alias = Wrap(sg_tensor_detach_(Handle), "detach_", this);
        return this;
    }

    /// <summary>A new handle to the same tensor (same data, same autograd identity).</summary>
    public Tensor alias() => Wrap(sg_tensor_alias(Handle), "alias", this);

    /// <summary>Replaces this tensor's data (not its identity) with <paramref name="source"/>'s, as <c>p.data = x</c> in PyTorch.</summary>
    public void set_data(Tensor source) => Check(sg_tensor_set_data(Handle, source.Handle), "set_data", this, source);
}
