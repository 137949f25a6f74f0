using System.Runtime.InteropServices;

namespace SegGanLab.Torch.Native;

internal static partial class NativeMethods
{
    // Pairs (stride, padding, ...) are two-element spans: (height, width).
    [LibraryImport(Lib)] internal static partial IntPtr sg_conv2d(IntPtr x, IntPtr w, IntPtr b, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr sg_conv_transpose2d(IntPtr x, IntPtr w, IntPtr b, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> outputPadding, long groups, ReadOnlySpan<long> dilation);
    [LibraryImport(Lib)] internal static partial IntPtr sg_linear(IntPtr x, IntPtr w, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr sg_batch_norm(IntPtr x, IntPtr w, IntPtr b, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr sg_instance_norm(IntPtr x, IntPtr w, IntPtr b, IntPtr runningMean, IntPtr runningVar, int useInputStats, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr sg_group_norm(IntPtr x, long groups, IntPtr w, IntPtr b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr sg_layer_norm(IntPtr x, ReadOnlySpan<long> shape, int n, IntPtr w, IntPtr b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr sg_max_pool2d(IntPtr x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> dilation, int ceilMode);
    [LibraryImport(Lib)] internal static partial int sg_max_pool2d_with_indices(IntPtr x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> dilation, int ceilMode, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial IntPtr sg_max_unpool2d(IntPtr x, IntPtr indices, ReadOnlySpan<long> outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr sg_avg_pool2d(IntPtr x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, int ceilMode, int countIncludePad);
    [LibraryImport(Lib)] internal static partial IntPtr sg_adaptive_avg_pool2d(IntPtr x, ReadOnlySpan<long> outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr sg_adaptive_max_pool2d(IntPtr x, ReadOnlySpan<long> outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr sg_dropout(IntPtr x, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr sg_dropout2d(IntPtr x, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr sg_leaky_relu(IntPtr x, double slope);
    [LibraryImport(Lib)] internal static partial int sg_leaky_relu_(IntPtr x, double slope);
    [LibraryImport(Lib)] internal static partial IntPtr sg_elu(IntPtr x, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr sg_gelu(IntPtr x, int tanhApproximation);
    [LibraryImport(Lib)] internal static partial IntPtr sg_silu(IntPtr x);
    [LibraryImport(Lib)] internal static partial IntPtr sg_hardtanh(IntPtr x, double min, double max);
    [LibraryImport(Lib)] internal static partial IntPtr sg_softplus(IntPtr x, double beta, double threshold);
    [LibraryImport(Lib)] internal static partial IntPtr sg_logsigmoid(IntPtr x);
    [LibraryImport(Lib)] internal static partial IntPtr sg_softmax(IntPtr x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr sg_log_softmax(IntPtr x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr sg_logsumexp(IntPtr x, ReadOnlySpan<long> dims, int n, int keepdim);

    // loss.cpp; reduction 0 none, 1 mean, 2 sum.
    [LibraryImport(Lib)] internal static partial IntPtr sg_cross_entropy(IntPtr x, IntPtr target, IntPtr weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr sg_nll_loss(IntPtr x, IntPtr target, IntPtr weight, int reduction, long ignoreIndex);
    [LibraryImport(Lib)] internal static partial IntPtr sg_binary_cross_entropy(IntPtr x, IntPtr target, IntPtr weight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr sg_binary_cross_entropy_with_logits(IntPtr x, IntPtr target, IntPtr weight, IntPtr posWeight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr sg_mse_loss(IntPtr x, IntPtr target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr sg_l1_loss(IntPtr x, IntPtr target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr sg_smooth_l1_loss(IntPtr x, IntPtr target, int reduction, double beta);
    [LibraryImport(Lib)] internal static partial IntPtr sg_kl_div(IntPtr x, IntPtr target, int reduction, int logTarget);

    // autograd.cpp
    [LibraryImport(Lib)] internal static partial IntPtr sg_tensor_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_has_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_set_grad(IntPtr t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial int sg_tensor_zero_grad(IntPtr t, int setToNone);
    [LibraryImport(Lib)] internal static partial int sg_tensor_backward(IntPtr t, IntPtr grad, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int sg_tensor_retain_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_tensor_has_grad_fn(IntPtr t);
    [LibraryImport(Lib)] internal static partial int sg_autograd_grad(ReadOnlySpan<IntPtr> outputs, int nOut, ReadOnlySpan<IntPtr> inputs, int nIn, ReadOnlySpan<IntPtr> gradOutputs, int nGrad, int retainGraph, int createGraph, int allowUnused, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial int sg_grad_enabled();
    [LibraryImport(Lib)] internal static partial int sg_set_grad_enabled(int on);
}
