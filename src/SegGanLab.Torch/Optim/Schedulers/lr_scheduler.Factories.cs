namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Learning-rate schedulers (PyTorch's <c>torch.optim.lr_scheduler</c>). Each sets the learning
        /// rate of every parameter group of its optimizer on <see cref="LRScheduler.step"/>; call it
        /// after <c>optimizer.step()</c>.
        /// </summary>
        public static class lr_scheduler
        {
            /// <summary>lr = base_lr · gamma^⌊epoch / step_size⌋.</summary>
            public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
                new(optimizer, step_size, gamma, last_epoch);

            /// <summary>Cosine annealing from base_lr to eta_min over T_max epochs (PyTorch's recursive form).</summary>
            public static CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) =>
                new(optimizer, T_max, eta_min, last_epoch);

            /// <summary>lr = base_lr · (1 − t / max_iter)^power, the segmentation "poly" schedule.</summary>
            public static PolyLR PolyLR(Optimizer optimizer, int max_iter, double power = 0.9, int last_epoch = -1) =>
                new(optimizer, max_iter, power, last_epoch);

            /// <summary>pix2pix's linear policy: constant for n_epochs, then linear to 0 over n_epochs_decay.</summary>
            public static LinearDecayLR LinearDecayLR(Optimizer optimizer, int n_epochs, int n_epochs_decay, int epoch_count = 1, int last_epoch = -1) =>
                new(optimizer, n_epochs, n_epochs_decay, epoch_count, last_epoch);

            /// <summary>lr = base_lr · lr_lambda(epoch), the same function for every group.</summary>
            public static LambdaLR LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1) =>
                new(optimizer, [lr_lambda], last_epoch);

            /// <summary>lr = base_lr · lr_lambdas[group](epoch), one function per group.</summary>
            public static LambdaLR LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas, int last_epoch = -1) =>
                new(optimizer, lr_lambdas, last_epoch);

            /// <summary>A linear warm-up over warmup_steps multiplying the wrapped schedule.</summary>
            public static LinearWarmupLR LinearWarmupLR(LRScheduler after, int warmup_steps, double start_factor = 0.001) =>
                new(after, warmup_steps, start_factor);
        }
    }
}
