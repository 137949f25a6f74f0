namespace SegGanLab.Torch;

public static partial class torch
{
    /// <summary>
    /// Optimizers and learning-rate schedulers (PyTorch's <c>torch.optim</c>), named and defaulted as in
    /// PyTorch and TorchSharp: <c>optim.Adam(model.parameters(), lr: 2e-4, betas: (0.5, 0.999))</c>.
    /// Each factory takes either plain parameters (one group) or <see cref="ParamGroup"/>s, whose
    /// unset options fall back to the factory's arguments.
    /// </summary>
    public static partial class optim
    {
        /// <summary>SGD over one parameter group; <paramref name="lr"/> is required, as in PyTorch.</summary>
        /// <exception cref="ArgumentException">For a negative lr, momentum or weight decay, Nesterov without momentum or with dampening, or no parameters.</exception>
        public static SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
                              bool nesterov = false, bool maximize = false) =>
            SGD([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>SGD over several parameter groups; the arguments are the defaults for options a group does not set.</summary>
        /// <exception cref="ArgumentException">As for the single-group overload, for any group.</exception>
        public static SGD SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
                              bool nesterov = false, bool maximize = false) =>
            new(param_groups, new SGDOptions { lr = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize });

        /// <summary>Adam over one parameter group; <paramref name="betas"/> defaults to (0.9, 0.999).</summary>
        /// <exception cref="ArgumentException">For a negative lr, eps or weight decay, a beta outside [0, 1), or no parameters.</exception>
        public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            Adam([new ParamGroup(parameters)], lr, betas, eps, weight_decay, amsgrad, maximize);

        /// <summary>Adam over several parameter groups; the arguments are the defaults for options a group does not set.</summary>
        /// <exception cref="ArgumentException">As for the single-group overload, for any group.</exception>
        public static Adam Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, AdamDefaults(lr, betas, eps, weight_decay, amsgrad, maximize));

        /// <summary>AdamW over one parameter group; weight decay defaults to 1e-2, as in PyTorch.</summary>
        /// <exception cref="ArgumentException">For a negative lr, eps or weight decay, a beta outside [0, 1), or no parameters.</exception>
        public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                                  double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            AdamW([new ParamGroup(parameters)], lr, betas, eps, weight_decay, amsgrad, maximize);

        /// <summary>AdamW over several parameter groups; the arguments are the defaults for options a group does not set.</summary>
        /// <exception cref="ArgumentException">As for the single-group overload, for any group.</exception>
        public static AdamW AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double beta1, double beta2)? betas = null, double eps = 1e-8,
                                  double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, AdamDefaults(lr, betas, eps, weight_decay, amsgrad, maximize));

        static AdamOptions AdamDefaults(double lr, (double, double)? betas, double eps, double weight_decay, bool amsgrad, bool maximize) =>
            new() { lr = lr, betas = betas ?? (0.9, 0.999), eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize };
    }
}
