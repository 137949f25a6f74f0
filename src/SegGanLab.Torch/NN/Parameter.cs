namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A tensor that is a module's learnable weight: a leaf with <c>requires_grad</c>, owned by
        /// its module and never by a dispose scope.
        /// </summary>
        public sealed class Parameter : Tensor
        {
            /// <summary>Wraps <paramref name="data"/>'s storage (detached from any graph) as a parameter.</summary>
            public Parameter(Tensor data, bool requires_grad = true) : base(DetachedAlias(data))
            {
                DetachFromDisposeScope();
                this.requires_grad = requires_grad;
            }

            static IntPtr DetachedAlias(Tensor data)
            {
                var r = Native.NativeMethods.sg_tensor_detach(data.Handle);
                if (r == IntPtr.Zero) throw Fail("Parameter", [data]);
                return r;
            }
        }
    }
}
