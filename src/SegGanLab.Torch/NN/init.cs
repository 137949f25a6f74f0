namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Weight initialisation (PyTorch's <c>torch.nn.init</c>); every function works in place, without recording gradients.</summary>
        public static class init
        {
            /// <summary>Non-linearities for <see cref="calculate_gain"/>.</summary>
            public enum NonlinearityType
            {
                /// <summary>Identity/linear/conv: gain 1.</summary>
                Linear,
                /// <summary>Sigmoid: gain 1.</summary>
                Sigmoid,
                /// <summary>tanh: gain 5/3.</summary>
                Tanh,
                /// <summary>ReLU: gain √2.</summary>
                ReLU,
                /// <summary>Leaky ReLU: gain √(2 / (1 + slope²)).</summary>
                LeakyReLU,
            }

            /// <summary>Fan modes for the Kaiming initialisers.</summary>
            public enum FanInOut
            {
                /// <summary>Preserve the forward pass's variance.</summary>
                FanIn,
                /// <summary>Preserve the backward pass's variance.</summary>
                FanOut,
            }

            /// <summary>The recommended gain for a non-linearity, as PyTorch computes it.</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.01) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0,
            };

            /// <summary>
            /// (fan_in, fan_out) as PyTorch computes them: dimension 1 times the receptive field is fan_in,
            /// dimension 0 times it is fan_out (so a transposed convolution's fan_in uses its output channels).
            /// </summary>
            public static (long fanIn, long fanOut) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                var s = tensor.shape;
                if (s.Length < 2) throw new ArgumentException($"Fan in/out needs a tensor with at least 2 dimensions, got [{string.Join(", ", s)}].", nameof(tensor));
                long receptive = 1;
                for (var k = 2; k < s.Length; k++) receptive *= s[k];
                return (s[1] * receptive, s[0] * receptive);
            }

            /// <summary>U(a, b).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(a, b, generator);
            }

            /// <summary>N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            /// <summary>Every element = <paramref name="value"/>.</summary>
            public static Tensor constant_(Tensor tensor, Scalar value)
            {
                using (no_grad()) return tensor.fill_(value);
            }

            /// <summary>Zeros.</summary>
            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            /// <summary>Ones.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>Glorot uniform: U(-a, a), a = gain·√(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                var a = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                return uniform_(tensor, -a, a, generator);
            }

            /// <summary>Glorot normal: N(0, std²), std = gain·√(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
            }

            /// <summary>He uniform: U(-b, b), b = gain·√(3 / fan), gain from the non-linearity and <paramref name="a"/> (leaky slope).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                                                  NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>He normal: N(0, std²), std = gain / √fan.</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                                                 NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null) =>
                normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)), generator);

            /// <summary>A (semi-)orthogonal matrix from the QR decomposition of a Gaussian one, scaled by <paramref name="gain"/>.</summary>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var s = tensor.shape;
                if (s.Length < 2) throw new ArgumentException($"orthogonal_ needs at least 2 dimensions, got [{string.Join(", ", s)}].", nameof(tensor));
                var rows = s[0];
                var cols = tensor.numel() / rows;
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var flat = randn([rows, cols], ScalarType.Float64, generator: generator);
                if (rows < cols) flat = flat.t();
                var (q, r) = flat.qr();
                // Make the decomposition unique (as PyTorch does): scale columns by the sign of R's diagonal.
                q = q.mul(r.diagonal().sign());
                if (rows < cols) q = q.t();
                tensor.copy_(q.mul(gain).reshape(s));
                return tensor;
            }

            static long Fan(Tensor t, FanInOut mode)
            {
                var (fanIn, fanOut) = calculate_fan_in_and_fan_out(t);
                return mode == FanInOut.FanIn ? fanIn : fanOut;
            }
        }
    }
}
