using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Cross-entropy between logits [N, C, ...] and int64 class targets [N, ...]; pixels equal to
            /// <paramref name="ignore_index"/> (e.g. 255 or CamVid's void 11) contribute nothing.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                                               Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
                Tensor.Wrap(sg_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? 0, (int)reduction, ignore_index, label_smoothing), "cross_entropy", input, target, weight);

            /// <summary>Negative log-likelihood of log-probabilities [N, C, ...] at int64 targets.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(sg_nll_loss(input.Handle, target.Handle, weight?.Handle ?? 0, (int)reduction, ignore_index), "nll_loss", input, target, weight);

            /// <summary>Binary cross-entropy of probabilities in [0, 1].</summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(sg_binary_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? 0, (int)reduction), "binary_cross_entropy", input, target, weight);

            /// <summary>Binary cross-entropy of logits, numerically stable; <paramref name="pos_weight"/> re-weights positives.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                                                                  Tensor? pos_weight = null) =>
                Tensor.Wrap(sg_binary_cross_entropy_with_logits(input.Handle, target.Handle, weight?.Handle ?? 0, pos_weight?.Handle ?? 0, (int)reduction),
                            "binary_cross_entropy_with_logits", input, target, weight);

            /// <summary>Mean squared error.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(sg_mse_loss(input.Handle, target.Handle, (int)reduction), "mse_loss", input, target);

            /// <summary>Mean absolute error.</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(sg_l1_loss(input.Handle, target.Handle, (int)reduction), "l1_loss", input, target);

            /// <summary>Huber-like loss: quadratic below <paramref name="beta"/>, linear above.</summary>
            public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0) =>
                Tensor.Wrap(sg_smooth_l1_loss(input.Handle, target.Handle, (int)reduction, beta), "smooth_l1_loss", input, target);

            /// <summary>Kullback-Leibler divergence of log-probabilities <paramref name="input"/> from <paramref name="target"/>.</summary>
            public static Tensor kl_div(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, bool log_target = false) =>
                Tensor.Wrap(sg_kl_div(input.Handle, target.Handle, (int)reduction, log_target ? 1 : 0), "kl_div", input, target);
        }
    }
}
