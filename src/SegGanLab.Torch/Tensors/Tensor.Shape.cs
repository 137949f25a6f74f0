using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

public partial class Tensor
{
    /// <summary>The same data with a new shape (copies only when it must). -1 infers one size.</summary>
    public Tensor reshape(params long[] shape) => Wrap(sg_reshape(Handle, shape, shape.Length), "reshape", this);
    /// <summary>A view with a new shape; fails when the layout does not allow it.</summary>
    public Tensor view(params long[] shape) => Wrap(sg_view(Handle, shape, shape.Length), "view", this);
    /// <summary>Reorders dimensions.</summary>
    public Tensor permute(params long[] dims) => Wrap(sg_permute(Handle, dims, dims.Length), "permute", this);
    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (-1 keeps a size).</summary>
    public Tensor expand(params long[] shape) => Wrap(sg_expand(Handle, shape, shape.Length), "expand", this);
    /// <summary>Tiles the tensor.</summary>
    public Tensor repeat(params long[] repeats) => Wrap(sg_repeat(Handle, repeats, repeats.Length), "repeat", this);
    /// <summary>Reverses the order along <paramref name="dims"/>.</summary>
    public Tensor flip(params long[] dims) => Wrap(sg_flip(Handle, dims, dims.Length), "flip", this);
    /// <summary>Rolls elements along <paramref name="dims"/>.</summary>
    public Tensor roll(long[] shifts, long[] dims) => Wrap(sg_roll(Handle, shifts, dims, Math.Min(shifts.Length, dims.Length)), "roll", this);
    /// <summary>Swaps two dimensions.</summary>
    public Tensor transpose(long dim0, long dim1) => Wrap(sg_transpose(Handle, dim0, dim1), "transpose", this);
    /// <summary>Transpose of a 2-D tensor.</summary>
    public Tensor t() => transpose(0, 1);
    /// <summary>Removes all size-1 dimensions.</summary>
    public Tensor squeeze() => Wrap(sg_squeeze(Handle), "squeeze", this);
    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor squeeze(long dim) => Wrap(sg_squeeze_dim(Handle, dim), "squeeze", this);
    /// <summary>Inserts a size-1 dimension at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim) => Wrap(sg_unsqueeze(Handle, dim), "unsqueeze", this);
    /// <summary>Merges dimensions <paramref name="start_dim"/>..<paramref name="end_dim"/>.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => Wrap(sg_flatten(Handle, start_dim, end_dim), "flatten", this);
    /// <summary>A row-major copy, or this data when already contiguous.</summary>
    public Tensor contiguous() => Wrap(sg_tensor_contiguous(Handle), "contiguous", this);
    /// <summary>A view of <paramref name="length"/> entries from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => Wrap(sg_narrow(Handle, dim, start, length), "narrow", this);
    /// <summary>A strided view along <paramref name="dim"/> (Python's <c>t[start:end:step]</c>).</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => Wrap(sg_slice(Handle, dim, start, end, step), "slice", this);
    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dimension removed.</summary>
    public Tensor select(long dim, long index) => Wrap(sg_select(Handle, dim, index), "select", this);
    /// <summary>Entries at <paramref name="index"/> (1-D int64) along <paramref name="dim"/>.</summary>
    public Tensor index_select(long dim, Tensor index) => Wrap(sg_index_select(Handle, dim, index.Handle), "index_select", this, index);
    /// <summary>Gathers values along <paramref name="dim"/> at <paramref name="index"/>.</summary>
    public Tensor gather(long dim, Tensor index) => Wrap(sg_gather(Handle, dim, index.Handle), "gather", this, index);
    /// <summary>A copy with <paramref name="src"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => Wrap(sg_scatter(Handle, dim, index.Handle, src.Handle), "scatter", this, index, src);
    /// <summary>A copy with <paramref name="value"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Scalar value) => Wrap(sg_scatter_s(Handle, dim, index.Handle, value), "scatter", this, index);
    /// <summary>A copy with <paramref name="src"/> added at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => Wrap(sg_scatter_add(Handle, dim, index.Handle, src.Handle), "scatter_add", this, index, src);
    /// <summary>In place: writes <paramref name="values"/> where the bool mask or the int64 index selects.</summary>
    public Tensor index_put_(Tensor index, Tensor values) { Check(sg_index_put_(Handle, index.Handle, values.Handle), "index_put_", this, index, values); return this; }
    /// <summary>Splits into pieces of <paramref name="size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public Tensor[] split(long size, long dim = 0)
    {
        var n = (int)((this.size((int)dim) + size - 1) / Math.Max(size, 1));
        return List(sg_split(Handle, size, dim, Buffer(n, out var buf), buf.Length), buf, "split");
    }
    /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/>.</summary>
    public Tensor[] split(long[] sizes, long dim = 0) => List(sg_split_with_sizes(Handle, sizes, sizes.Length, dim, Buffer(sizes.Length, out var buf), buf.Length), buf, "split_with_sizes");
    /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces.</summary>
    public Tensor[] chunk(long chunks, long dim = 0) => List(sg_chunk(Handle, chunks, dim, Buffer((int)chunks, out var buf), buf.Length), buf, "chunk");
    /// <summary>Removes <paramref name="dim"/>, returning every slice along it.</summary>
    public Tensor[] unbind(long dim = 0)
    {
        var n = (int)size((int)dim);
        return List(sg_unbind(Handle, dim, Buffer(n, out var buf), buf.Length), buf, "unbind");
    }
    /// <summary>Lower triangle.</summary>
    public Tensor tril(long diagonal = 0) => Wrap(sg_tril(Handle, diagonal), "tril", this);
    /// <summary>Upper triangle.</summary>
    public Tensor triu(long diagonal = 0) => Wrap(sg_triu(Handle, diagonal), "triu", this);
    /// <summary>Indices of the non-zero elements, one row each.</summary>
    public Tensor nonzero() => Wrap(sg_nonzero(Handle), "nonzero", this);

    /// <summary>Index along the first dimension, or mask with a bool tensor.</summary>
    public Tensor this[long index] => select(0, index);
    /// <summary>Index several leading dimensions: <c>t[0, 2]</c>.</summary>
    public Tensor this[long i0, long i1]
    {
        get
        {
            using var first = select(0, i0);
            return first.select(0, i1);
        }
    }
    /// <summary>Boolean mask indexing: the selected elements as a 1-D tensor.</summary>
    public Tensor this[Tensor mask] => Wrap(sg_index_mask(Handle, mask.Handle), "index", this, mask);

    static Span<IntPtr> Buffer(int n, out IntPtr[] array)
    {
        array = new IntPtr[Math.Max(n, 1)];
        return array;
    }

    Tensor[] List(int count, IntPtr[] handles, string op)
    {
        if (count < 0) throw Fail(op, [this]);
        var result = new Tensor[count];
        for (var k = 0; k < count; k++) result[k] = new Tensor(handles[k]);
        return result;
    }
}
