using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// pix2pix/CycleGAN's history of generated samples (Shrivastava et al. 2017): the discriminator is
/// shown a mix of current fakes and fakes from earlier steps, which damps oscillation. While the pool
/// is filling, every fake goes in and is returned; once full, each fake is returned with probability
/// 1/2, otherwise it replaces a random stored one, which is returned instead. The draws come from the
/// recipe's own generator and the contents are saved with checkpoints, so a resumed run sees the same
/// history.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    readonly List<Tensor> _images = new();
    readonly Generator _random;

    /// <summary>A pool of <paramref name="capacity"/> samples drawing from <paramref name="random"/>.</summary>
    public ImagePool(int capacity, Generator random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        (Capacity, _random) = (capacity, random);
    }

    /// <summary>The most samples it keeps.</summary>
    public int Capacity { get; }

    /// <summary>Samples stored now.</summary>
    public int Count => _images.Count;

    /// <summary>The batch to show the discriminator instead of <paramref name="fakes"/> [N, ...] (detached; a new tensor in the caller's scope).</summary>
    /// <exception cref="InvalidOperationException">When the fakes' sample shape differs from the stored ones'.</exception>
    public Tensor Query(Tensor fakes)
    {
        var n = fakes.size(0);
        var sample = fakes.shape[1..];
        if (_images.Count > 0 && !_images[0].shape.SequenceEqual(sample))
            throw new InvalidOperationException(
                $"The image pool holds fakes of shape [{string.Join(", ", _images[0].shape)}] but got [{string.Join(", ", sample)}]: " +
                "a pool needs every batch at one size (add a crop or resize to the transforms), or set PoolSize to 0.");
        using var scope = NewDisposeScope();
        // Both draws for every sample, used or not: the stream advances the same way whatever the pool holds.
        var coins = rand([n], ScalarType.Float64, generator: _random).data<double>();
        var picks = randint(0, Capacity, [n], generator: _random).data<long>();
        var shown = new List<Tensor>((int)n);
        var replaced = new List<Tensor>();
        for (var k = 0; k < n; k++)
        {
            var fake = fakes.select(0, k).detach();
            if (_images.Count < Capacity)
            {
                _images.Add(fake.clone().DetachFromDisposeScope());
                shown.Add(fake);
            }
            else if (coins[k] > 0.5)
            {
                var old = _images[(int)picks[k]];
                _images[(int)picks[k]] = fake.clone().DetachFromDisposeScope();
                shown.Add(old);
                replaced.Add(old);
            }
            else shown.Add(fake);
        }
        var batch = stack(shown);
        foreach (var old in replaced) old.Dispose();
        return scope.MoveToOuter(batch);
    }

    /// <summary>Adds the contents to a checkpoint under <paramref name="prefix"/> (the tensors stay the pool's).</summary>
    public void Save(CheckpointExtras extras, string prefix)
    {
        extras.Strings[$"{prefix}/count"] = _images.Count.ToString(CultureInfo.InvariantCulture);
        for (var k = 0; k < _images.Count; k++) extras.Tensors[$"{prefix}/{k}"] = _images[k];
    }

    /// <summary>Replaces the contents with a checkpoint's (taking ownership of its tensors).</summary>
    /// <exception cref="InvalidDataException">When the checkpoint has no pool or holds more than the capacity (<see cref="Checkpoint.Load"/> reports it with the file).</exception>
    public void Load(CheckpointExtras extras, string prefix)
    {
        if (!extras.Strings.TryGetValue($"{prefix}/count", out var text) || !int.TryParse(text, CultureInfo.InvariantCulture, out var count) || count > Capacity)
            throw new InvalidDataException($"it has no image pool of at most {Capacity} samples ('extra/{prefix}/count'); it was written with another PoolSize");
        Clear();
        for (var k = 0; k < count; k++)
            _images.Add(extras.Tensors.Remove($"{prefix}/{k}", out var t) ? t : throw new InvalidDataException($"its image pool lacks sample {k} of {count}"));
    }

    /// <summary>Frees the stored samples.</summary>
    public void Dispose() => Clear();

    void Clear()
    {
        foreach (var t in _images) t.Dispose();
        _images.Clear();
    }
}
