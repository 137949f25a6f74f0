using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// The discriminator half every adversarial recipe shares: its model, optimizer and schedule, the
/// n_critic updates of one step (each between the discriminator-step events, each reported before
/// its backward pass), the optional image pool, and freezing its weights while the generator's loss
/// runs through it (as pix2pix's set_requires_grad), so that pass builds no gradients for them.
/// </summary>
internal sealed class DiscriminatorTrainer
{
    readonly Optimizer _optimizer;
    readonly LRScheduler? _scheduler;
    readonly nn.Parameter[] _trainable;
    readonly ImagePool? _pool;

    /// <summary>Creates the trainer; <paramref name="criticSteps"/> updates run per training step.</summary>
    public DiscriminatorTrainer(Discriminator model, Optimizer optimizer, LRScheduler? scheduler, int criticSteps, ImagePool? pool = null)
    {
        (Model, _optimizer, _scheduler, CriticSteps, _pool) = (model, optimizer, scheduler, criticSteps, pool);
        _trainable = model.parameters().Where(p => p.requires_grad).ToArray();
    }

    /// <summary>The discriminator.</summary>
    public Discriminator Model { get; }

    /// <summary>Updates per training step (WGAN-GP's n_critic).</summary>
    public int CriticSteps { get; }

    /// <summary>The discriminator's forward pass on a joint input (image and map already concatenated).</summary>
    public Tensor Forward(Tensor input) => Model.forward(input);

    /// <summary>
    /// Trains on <paramref name="real"/> against <paramref name="fake"/> (detached here, and passed
    /// through the pool when there is one) with <paramref name="loss"/>.
    /// </summary>
    public void Train(StepContext step, Tensor real, Tensor fake, LossExpression loss)
    {
        using var detached = fake.detach();
        using var shown = _pool?.Query(detached) ?? detached.alias();
        Train(step, () =>
        {
            using var context = new LossContext { Discriminator = Forward, RealInput = real, FakeInput = shown };
            return [loss.Evaluate(context)];
        });
    }

    /// <summary>Runs <see cref="CriticSteps"/> updates, each minimising the sum of the parts <paramref name="evaluate"/> returns, then steps the schedule.</summary>
    public void Train(StepContext step, Func<IReadOnlyList<LossResult>> evaluate)
    {
        for (var k = 0; k < CriticSteps; k++)
            step.DiscriminatorStep(() =>
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var parts = evaluate();
                SideReport.Report(step, "D", parts);
                SideReport.Total(parts).backward();
                _optimizer.step();
            });
        _scheduler?.step();
    }

    /// <summary>Turns off gradients for the discriminator's weights until the result is disposed.</summary>
    public Frozen Freeze()
    {
        foreach (var p in _trainable) p.requires_grad = false;
        return new Frozen(_trainable);
    }

    /// <summary>Restores the discriminator's gradients when disposed.</summary>
    public readonly struct Frozen(nn.Parameter[] parameters) : IDisposable
    {
        /// <summary>Turns the gradients back on.</summary>
        public void Dispose()
        {
            foreach (var p in parameters) p.requires_grad = true;
        }
    }
}
