namespace SegGanLab.Data;

/// <summary>
/// A small counter-seeded random generator (SplitMix64). Every random draw of the data
/// pipeline starts from a stream keyed by plain numbers, e.g. (seed, epoch, sample index), so
/// the result depends only on those numbers: never on the number of workers, on thread
/// timing, or on what was drawn before. That is what makes a resumed run see the same data
/// as an uninterrupted one.
/// </summary>
public struct DataRandom
{
    const ulong Golden = 0x9E3779B97F4A7C15UL;
    ulong _state;

    /// <summary>A stream keyed by <paramref name="seed"/> and up to three further numbers.</summary>
    public DataRandom(long seed, long key1 = 0, long key2 = 0, long key3 = 0)
    {
        // Each key is folded through the mixer so nearby keys give unrelated streams.
        unchecked
        {
            var s = Mix((ulong)seed + Golden);
            s = Mix(s ^ Mix((ulong)key1 + 2 * Golden));
            s = Mix(s ^ Mix((ulong)key2 + 3 * Golden));
            _state = Mix(s ^ Mix((ulong)key3 + 5 * Golden));
        }
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="count"/>), without modulo bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is not positive.</exception>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        // Lemire's multiply-shift with rejection of the short last interval.
        var limit = (uint)count;
        var threshold = (0u - limit) % limit;
        while (true)
        {
            var product = (ulong)(uint)(NextUInt64() >> 32) * limit;
            if ((uint)product >= threshold) return (int)(product >> 32);
        }
    }

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public int NextInt(int low, int high) => low + NextInt(high - low + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public double Normal()
    {
        var u = 1.0 - NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * NextDouble());
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
