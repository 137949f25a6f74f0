using SegGanLab.Torch.Modules;

namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Factories named as in TorchSharp: nn.Conv2d(3, 64, 4, stride: 2, padding: 1).

        /// <summary>2-D convolution with a square kernel.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
                                    long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Constant, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), (dilation, dilation), groups, bias, padding_mode, device, dtype);

        /// <summary>2-D convolution with (height, width) pairs.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                                    (long, long)? dilation = null, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Constant,
                                    Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups, bias, padding_mode, device, dtype);

        /// <summary>2-D transposed convolution with a square kernel.</summary>
        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                                                      long output_padding = 0, long groups = 1, bool bias = true, long dilation = 1,
                                                      Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), (output_padding, output_padding), groups, bias,
                (dilation, dilation), device, dtype);

        /// <summary>Fully connected layer.</summary>
        public static Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_features, out_features, bias, device, dtype);

        /// <summary>Batch normalisation; <paramref name="momentum"/> null = cumulative moving average.</summary>
        public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
                                              Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        /// <summary>Instance normalisation (PyTorch defaults: no affine, no running statistics).</summary>
        public static InstanceNorm2d InstanceNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = false,
                                                    bool track_running_stats = false, Device? device = null, ScalarType? dtype = null) =>
            new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        /// <summary>Group normalisation.</summary>
        public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-5, bool affine = true, Device? device = null, ScalarType? dtype = null) =>
            new(num_groups, num_channels, eps, affine, device, dtype);

        /// <summary>Layer normalisation over the trailing <paramref name="normalized_shape"/>.</summary>
        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, device, dtype);

        /// <summary>Dropout.</summary>
        public static Dropout Dropout(double p = 0.5) => new(p);
        /// <summary>Channel dropout.</summary>
        public static Dropout2d Dropout2d(double p = 0.5) => new(p);
        /// <summary>ReLU.</summary>
        public static ReLU ReLU(bool inplace = false) => new(inplace);
        /// <summary>Leaky ReLU.</summary>
        public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);
        /// <summary>ELU.</summary>
        public static ELU ELU(double alpha = 1.0) => new(alpha);
        /// <summary>GELU.</summary>
        public static GELU GELU(bool tanh_approximation = false) => new(tanh_approximation);
        /// <summary>Sigmoid.</summary>
        public static Sigmoid Sigmoid() => new();
        /// <summary>Tanh.</summary>
        public static Tanh Tanh() => new();
        /// <summary>Softmax along <paramref name="dim"/>.</summary>
        public static Softmax Softmax(long dim) => new(dim);
        /// <summary>Identity.</summary>
        public static Identity Identity() => new();

        /// <summary>Max pooling with a square kernel (stride defaults to the kernel size).</summary>
        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
            new((kernel_size, kernel_size), stride is { } s ? (s, s) : null, (padding, padding), (dilation, dilation), ceil_mode);
        /// <summary>Max unpooling with a square kernel.</summary>
        public static MaxUnpool2d MaxUnpool2d(long kernel_size, long? stride = null, long padding = 0) =>
            new((kernel_size, kernel_size), stride is { } s ? (s, s) : null, (padding, padding));
        /// <summary>Average pooling with a square kernel.</summary>
        public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true) =>
            new((kernel_size, kernel_size), stride is { } s ? (s, s) : null, (padding, padding), ceil_mode, count_include_pad);
        /// <summary>Adaptive average pooling to (h, w).</summary>
        public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new(output_size);
        /// <summary>Adaptive average pooling to a square size.</summary>
        public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new((output_size, output_size));
        /// <summary>Upsampling by a scale factor.</summary>
        public static Upsample Upsample(double scale_factor, UpsampleMode mode = UpsampleMode.Nearest, bool? align_corners = null) =>
            new(null, (scale_factor, scale_factor), mode, align_corners);
        /// <summary>Upsampling to a size.</summary>
        public static Upsample Upsample((long, long) size, UpsampleMode mode = UpsampleMode.Nearest, bool? align_corners = null) =>
            new(size, null, mode, align_corners);

        /// <summary>A sequence of layers named "0", "1", ...</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
            new(modules.Select((m, k) => (k.ToString(System.Globalization.CultureInfo.InvariantCulture), m)));
        /// <summary>A sequence of named layers.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);
        /// <summary>A list of modules.</summary>
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        /// <summary>A dictionary of modules.</summary>
        public static ModuleDict<T> ModuleDict<T>(params (string name, T module)[] modules) where T : Module => new(modules);
    }
}
