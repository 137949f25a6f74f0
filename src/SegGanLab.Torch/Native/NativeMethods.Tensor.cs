using System.Runtime.InteropServices;

namespace SegGanLab.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sg_tensor_dim(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_sizes(IntPtr t, Span<long> output, int capacity);
    [LibraryImport(Lib)] internal static partial int sg_tensor_strides(IntPtr t, Span<long> output, int capacity);
    [LibraryImport(Lib)] internal static partial long sg_tensor_numel(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_dtype(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_device_type(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_device_index(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_is_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_defined(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_requires_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_set_requires_grad(IntPtr t, int on);
    [LibraryImport(Lib)] internal static partial int sg_tensor_is_leaf(IntPtr t);
    [LibraryImport(Lib)] internal static partial long sg_tensor_element_size(IntPtr t);

    [LibraryImport(Lib)] internal static partial IntPtr sg_zeros(ReadOnlySpan<long> shape, int n, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_ones(ReadOnlySpan<long> shape, int n, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_empty(ReadOnlySpan<long> shape, int n, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_full(ReadOnlySpan<long> shape, int n, Scalar value, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_arange(Scalar start, Scalar end, Scalar step, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_eye(long n, long m, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_rand(ReadOnlySpan<long> shape, int n, IntPtr generator, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_randn(ReadOnlySpan<long> shape, int n, IntPtr generator, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_randint(long low, long high, ReadOnlySpan<long> shape, int n, IntPtr generator, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_randperm(long n, IntPtr generator, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_zeros_like(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_ones_like(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_empty_like(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_full_like(IntPtr t, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr sg_rand_like(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_randn_like(IntPtr t);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr sg_from_data(void* data, ReadOnlySpan<long> shape, int n, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial int sg_tensor_copy_to(IntPtr t, void* destination, long nbytes);
    [LibraryImport(Lib)] internal static partial double sg_tensor_item_double(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_item_long(IntPtr t, out long value);

    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_to(IntPtr t, int dtype, int deviceType, int deviceIndex, int nonBlocking, int copy);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_clone(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_detach(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_detach_(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_alias(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_copy_(IntPtr destination, IntPtr source, int nonBlocking);
    [LibraryImport(Lib)] internal static partial int sg_tensor_set_data(IntPtr destination, IntPtr source);
}
