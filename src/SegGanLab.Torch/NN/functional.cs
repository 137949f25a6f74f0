using SegGanLab.Torch.Native;
using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

/// <summary>How a loss reduces per-element values (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>Per-element losses.</summary>
    None = 0,
    /// <summary>The (weighted) mean.</summary>
    Mean = 1,
    /// <summary>The sum.</summary>
    Sum = 2,
}

/// <summary>Padding modes of <c>functional.pad</c>.</summary>
public enum PaddingModes
{
    /// <summary>A constant value.</summary>
    Constant = 0,
    /// <summary>Mirror without repeating the edge.</summary>
    Reflect = 1,
    /// <summary>Repeat the edge.</summary>
    Replicate = 2,
    /// <summary>Wrap around.</summary>
    Circular = 3,
}

/// <summary>Resampling modes of <c>functional.interpolate</c> and <c>nn.Upsample</c>.</summary>
public enum UpsampleMode
{
    /// <summary>Nearest neighbour (the one for label maps).</summary>
    Nearest = 0,
    /// <summary>Bilinear.</summary>
    Bilinear = 1,
    /// <summary>Bicubic.</summary>
    Bicubic = 2,
    /// <summary>Area averaging (adaptive average pooling).</summary>
    Area = 3,
}

public static partial class torch
{
    /// <summary>Neural-network building blocks (PyTorch's <c>torch.nn</c>): modules, layers, init and functional ops.</summary>
    public static partial class nn
    {
        /// <summary>Stateless operations (PyTorch's <c>torch.nn.functional</c>).</summary>
        public static partial class functional
        {
            // ---- convolution and linear -------------------------------------------------------------
            /// <summary>2-D convolution. <paramref name="weight"/>: [out, in/groups, kh, kw].</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null, (long, long)? padding = null,
                                        (long, long)? dilation = null, long groups = 1) =>
                Tensor.Wrap(sg_conv2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, P(stride ?? (1, 1)), P(padding ?? (0, 0)), P(dilation ?? (1, 1)), groups),
                            "conv2d", input, weight, bias);

            /// <summary>2-D transposed convolution. <paramref name="weight"/>: [in, out/groups, kh, kw].</summary>
            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null, (long, long)? padding = null,
                                                  (long, long)? output_padding = null, long groups = 1, (long, long)? dilation = null) =>
                Tensor.Wrap(sg_conv_transpose2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, P(stride ?? (1, 1)), P(padding ?? (0, 0)),
                                                P(output_padding ?? (0, 0)), groups, P(dilation ?? (1, 1))), "conv_transpose2d", input, weight, bias);

            /// <summary>x Wᵀ + b.</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                Tensor.Wrap(sg_linear(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero), "linear", input, weight, bias);

            // ---- normalisation ---------------------------------------------------------------------------
            /// <summary>Batch normalisation; in training it updates the running statistics in place.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                                            bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                Tensor.Wrap(sg_batch_norm(input.Handle, weight?.Handle ?? 0, bias?.Handle ?? 0, running_mean?.Handle ?? 0, running_var?.Handle ?? 0,
                                          training ? 1 : 0, momentum, eps), "batch_norm", input, weight, running_mean);

            /// <summary>Instance normalisation (per sample and channel).</summary>
            public static Tensor instance_norm(Tensor input, Tensor? running_mean = null, Tensor? running_var = null, Tensor? weight = null, Tensor? bias = null,
                                               bool use_input_stats = true, double momentum = 0.1, double eps = 1e-5) =>
                Tensor.Wrap(sg_instance_norm(input.Handle, weight?.Handle ?? 0, bias?.Handle ?? 0, running_mean?.Handle ?? 0, running_var?.Handle ?? 0,
                                             use_input_stats ? 1 : 0, momentum, eps), "instance_norm", input, weight);

            /// <summary>Group normalisation.</summary>
            public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                Tensor.Wrap(sg_group_norm(input.Handle, num_groups, weight?.Handle ?? 0, bias?.Handle ?? 0, eps), "group_norm", input, weight);

            /// <summary>Layer normalisation over the trailing <paramref name="normalized_shape"/>.</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                Tensor.Wrap(sg_layer_norm(input.Handle, normalized_shape, normalized_shape.Length, weight?.Handle ?? 0, bias?.Handle ?? 0, eps), "layer_norm", input, weight);

            // ---- pooling -------------------------------------------------------------------------------------
            /// <summary>2-D max pooling (stride defaults to the kernel size).</summary>
            public static Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                                            (long, long)? dilation = null, bool ceil_mode = false) =>
                Tensor.Wrap(sg_max_pool2d(input.Handle, P(kernel_size), P(stride ?? kernel_size), P(padding ?? (0, 0)), P(dilation ?? (1, 1)), ceil_mode ? 1 : 0),
                            "max_pool2d", input);

            /// <summary>2-D max pooling that also returns the flat index of each maximum (for max_unpool2d, SegNet).</summary>
            public static (Tensor output, Tensor indices) max_pool2d_with_indices(Tensor input, (long, long) kernel_size, (long, long)? stride = null,
                                                                                (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false)
            {
                Span<IntPtr> o = stackalloc IntPtr[2];
                var status = sg_max_pool2d_with_indices(input.Handle, P(kernel_size), P(stride ?? kernel_size), P(padding ?? (0, 0)), P(dilation ?? (1, 1)),
                                                        ceil_mode ? 1 : 0, o);
                return input.Pair(status, o, "max_pool2d_with_indices");
            }

            /// <summary>Inverse of max pooling: scatters values back to the pooled positions.</summary>
            public static Tensor max_unpool2d(Tensor input, Tensor indices, (long, long) output_size) =>
                Tensor.Wrap(sg_max_unpool2d(input.Handle, indices.Handle, P(output_size)), "max_unpool2d", input, indices);

            /// <summary>2-D average pooling (stride defaults to the kernel size).</summary>
            public static Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                                            bool ceil_mode = false, bool count_include_pad = true) =>
                Tensor.Wrap(sg_avg_pool2d(input.Handle, P(kernel_size), P(stride ?? kernel_size), P(padding ?? (0, 0)), ceil_mode ? 1 : 0, count_include_pad ? 1 : 0),
                            "avg_pool2d", input);

            /// <summary>Average pooling to a fixed output size.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size) =>
                Tensor.Wrap(sg_adaptive_avg_pool2d(input.Handle, P(output_size)), "adaptive_avg_pool2d", input);

            /// <summary>Max pooling to a fixed output size.</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, (long, long) output_size) =>
                Tensor.Wrap(sg_adaptive_max_pool2d(input.Handle, P(output_size)), "adaptive_max_pool2d", input);

            // ---- activations and dropout ------------------------------------------------------------------------
            /// <summary>max(x, 0).</summary>
            public static Tensor relu(Tensor x, bool inplace = false) => inplace ? x.relu_() : x.relu();
            /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
            public static Tensor leaky_relu(Tensor x, double negative_slope = 0.01, bool inplace = false)
            {
                if (!inplace) return Tensor.Wrap(sg_leaky_relu(x.Handle, negative_slope), "leaky_relu", x);
                Tensor.Check(sg_leaky_relu_(x.Handle, negative_slope), "leaky_relu_", x);
                return x;
            }
            /// <summary>Exponential linear unit.</summary>
            public static Tensor elu(Tensor x, double alpha = 1.0) => Tensor.Wrap(sg_elu(x.Handle, alpha), "elu", x);
            /// <summary>Gaussian error linear unit (exact, or the tanh approximation).</summary>
            public static Tensor gelu(Tensor x, bool tanh_approximation = false) => Tensor.Wrap(sg_gelu(x.Handle, tanh_approximation ? 1 : 0), "gelu", x);
            /// <summary>x·sigmoid(x).</summary>
            public static Tensor silu(Tensor x) => Tensor.Wrap(sg_silu(x.Handle), "silu", x);
            /// <summary>Clamp to [min, max].</summary>
            public static Tensor hardtanh(Tensor x, double min_val = -1, double max_val = 1) => Tensor.Wrap(sg_hardtanh(x.Handle, min_val, max_val), "hardtanh", x);
            /// <summary>Smooth relu.</summary>
            public static Tensor softplus(Tensor x, double beta = 1, double threshold = 20) => Tensor.Wrap(sg_softplus(x.Handle, beta, threshold), "softplus", x);
            /// <summary>log(sigmoid(x)), stable.</summary>
            public static Tensor logsigmoid(Tensor x) => Tensor.Wrap(sg_logsigmoid(x.Handle), "logsigmoid", x);
            /// <summary>Logistic sigmoid.</summary>
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            /// <summary>Hyperbolic tangent.</summary>
            public static Tensor tanh(Tensor x) => x.tanh();
            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor x, long dim) => Tensor.Wrap(sg_softmax(x.Handle, dim), "softmax", x);
            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor x, long dim) => Tensor.Wrap(sg_log_softmax(x.Handle, dim), "log_softmax", x);
            /// <summary>log(sum(exp(x))) over <paramref name="dims"/>, stable.</summary>
            public static Tensor logsumexp(Tensor x, long[] dims, bool keepdim = false) => Tensor.Wrap(sg_logsumexp(x.Handle, dims, dims.Length, keepdim ? 1 : 0), "logsumexp", x);
            /// <summary>Zeroes elements with probability p during training, scaling the rest by 1/(1-p).</summary>
            public static Tensor dropout(Tensor x, double p = 0.5, bool training = true) => Tensor.Wrap(sg_dropout(x.Handle, p, training ? 1 : 0), "dropout", x);
            /// <summary>Zeroes whole channels with probability p during training.</summary>
            public static Tensor dropout2d(Tensor x, double p = 0.5, bool training = true) => Tensor.Wrap(sg_dropout2d(x.Handle, p, training ? 1 : 0), "dropout2d", x);

            // ---- shape helpers -------------------------------------------------------------------------------------
            /// <summary>Pads the last dimensions: <paramref name="pad"/> = (left, right, top, bottom, ...).</summary>
            public static Tensor pad(Tensor x, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                Tensor.Wrap(sg_pad(x.Handle, pad, pad.Length, (int)mode, value), $"pad({mode})", x);
            /// <summary>One-hot encoding of an int64 tensor: a new last dimension of <paramref name="num_classes"/> (-1: max + 1).</summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1) => Tensor.Wrap(sg_one_hot(x.Handle, num_classes), "one_hot", x);
            /// <summary>Resamples a 4-D tensor to <paramref name="size"/> or by <paramref name="scale_factor"/>.</summary>
            public static Tensor interpolate(Tensor x, (long, long)? size = null, (double, double)? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest,
                                             bool? align_corners = null)
            {
                if (size is null == scale_factor is null)
                    throw new ArgumentException("interpolate needs exactly one of size or scale_factor.");
                if (align_corners is not null && mode is UpsampleMode.Nearest or UpsampleMode.Area)
                    throw new ArgumentException("align_corners only applies to bilinear and bicubic interpolation.", nameof(align_corners));
                var (h, w) = size ?? (0, 0);
                var (sh, sw) = scale_factor ?? (0, 0);
                return Tensor.Wrap(sg_interpolate(x.Handle, h, w, sh, sw, (int)mode, align_corners == true ? 1 : 0), $"interpolate({mode})", x);
            }

            internal static ReadOnlySpan<long> P((long, long) pair) => new[] { pair.Item1, pair.Item2 };
        }
    }
}
