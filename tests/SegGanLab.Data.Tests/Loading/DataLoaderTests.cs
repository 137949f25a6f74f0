using SegGanLab.Data;
using SegGanLab.Data.Tests.Support;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Data.Tests.Loading;

public class DataLoaderTests
{
    static readonly TransformPipeline Augment = TransformPipeline.Empty.RandomScale(0.8, 1.25).RandomCrop(12, 10).HorizontalFlip().ColorJitter(0.3, 0.3, 0.3, 0.05);

    static DataLoader Loader(SegmentationDataset data, int workers, int batch = 4, bool dropLast = false, bool shuffle = true, TransformPipeline? t = null) =>
        new(data, t ?? Augment, new LoaderOptions { BatchSize = batch, Workers = workers, DropLast = dropLast, Shuffle = shuffle, Seed = 11, Prefetch = 2 });

    // What a batch holds, in managed memory, for comparisons.
    static (float[] images, long[] masks, int[] indices, LoaderPosition position) Snapshot(Batch b)
    {
        using (b) return (b.Images.data<float>(), b.Masks.data<long>(), b.Indices.ToArray(), b.Position);
    }

    static List<(float[] images, long[] masks, int[] indices, LoaderPosition position)> Take(DataLoader loader, LoaderPosition start, int count)
    {
        using var stream = loader.Stream(start);
        return Enumerable.Range(0, count).Select(_ => Snapshot(stream.Next()!)).ToList();
    }

    [Fact]
    public void Batches_AreNormalisedFloatImagesAndInt64Masks_OfTheRightShapes()
    {
        using var batch = Loader(MemoryDataset.Numbered(10, 16, 12), workers: 0).LoadBatch(LoaderPosition.Start);
        Assert.Equal([4L, 3, 10, 12], batch.Images.shape);
        Assert.Equal(ScalarType.Float32, batch.Images.dtype);
        Assert.Equal([4L, 10, 12], batch.Masks.shape);
        Assert.Equal(ScalarType.Int64, batch.Masks.dtype);
        Assert.Equal(Device.CPU, batch.Masks.device);
        Assert.All(batch.Masks.data<long>(), v => Assert.True(v is >= 0 and < 3 or 255));
        Assert.Equal(4, batch.Count);
        Assert.Equal(batch.Indices.Select(i => $"sample-{i}"), batch.Names);
    }

    [Fact]
    public void Collation_KeepsEachSampleItsOwnPixelsAndLabels()
    {
        var data = MemoryDataset.Numbered(6, 5, 4, classCount: 7);
        var loader = Loader(data, workers: 0, batch: 3, t: TransformPipeline.Empty.Normalize(Normalization.UnitRange));
        using var batch = loader.LoadBatch(new LoaderPosition(1, 1));
        var images = batch.Images.data<float>();
        var masks = batch.Masks.data<long>();
        for (var k = 0; k < 3; k++)
        {
            var expected = MemoryDataset.NumberedSample(batch.Indices[k], 5, 4, 7);
            for (var p = 0; p < 20; p++)
            {
                Assert.Equal(expected.Mask[p], masks[k * 20 + p]);
                for (var c = 0; c < 3; c++) Assert.Equal(expected.Image[3 * p + c] / 255f, images[(k * 3 + c) * 20 + p], 6);
            }
        }
    }

    [Fact]
    public void Collate_TurnsLooseSamplesIntoTheSameTensorsAsTheLoader()
    {
        var data = MemoryDataset.Numbered(3, 6, 5);
        var loader = Loader(data, workers: 0, batch: 3, shuffle: false, t: TransformPipeline.Empty);
        using var fromLoader = loader.LoadBatch(LoaderPosition.Start);
        using var collated = Batch.Collate([data.Get(0), data.Get(1), data.Get(2)]);
        Assert.Equal(fromLoader.Images.data<float>(), collated.Images.data<float>());
        Assert.Equal(fromLoader.Masks.data<long>(), collated.Masks.data<long>());
        Assert.Equal(["sample-0", "sample-1", "sample-2"], collated.Names);
        Assert.Throws<ArgumentException>(() => Batch.Collate([]));
    }

    [Fact]
    public void SameBatches_ForZeroOneAndThreeWorkers()
    {
        var data = MemoryDataset.Numbered(23, 16, 14);
        var reference = Take(Loader(data, 0), LoaderPosition.Start, 14);
        foreach (var workers in new[] { 1, 3 })
        {
            var other = Take(Loader(data, workers), LoaderPosition.Start, 14);
            for (var i = 0; i < reference.Count; i++)
            {
                Assert.Equal(reference[i].position, other[i].position);
                Assert.Equal(reference[i].indices, other[i].indices);
                Assert.Equal(reference[i].images, other[i].images);
                Assert.Equal(reference[i].masks, other[i].masks);
            }
        }
    }

    [Fact]
    public void ResumingAtAPosition_RepeatsTheUninterruptedSequence()
    {
        var data = MemoryDataset.Numbered(10, 16, 14);
        var loader = Loader(data, workers: 2, batch: 3);   // 4 batches an epoch, the last one short
        var uninterrupted = Take(loader, LoaderPosition.Start, 11);
        LoaderPosition saved;
        using (var first = loader.Stream())
        {
            for (var i = 0; i < 6; i++) first.Next()!.Dispose();
            saved = first.Position;
        }
        Assert.Equal(new LoaderPosition(1, 2), saved);
        var resumed = Take(loader, saved, 5);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(uninterrupted[6 + i].position, resumed[i].position);
            Assert.Equal(uninterrupted[6 + i].images, resumed[i].images);
            Assert.Equal(uninterrupted[6 + i].masks, resumed[i].masks);
        }
        Assert.Equal(saved, loader.PositionOfStep(6));
        Assert.Equal(6, loader.StepOf(saved));
        Assert.Equal(saved, LoaderPosition.Parse(saved.ToString()));   // checkpoints keep it as a string
        Assert.Throws<FormatException>(() => LoaderPosition.Parse("1/2"));
    }

    [Fact]
    public void Epochs_VisitEverySampleOnce_InASeededOrderThatChangesEachEpoch()
    {
        var data = MemoryDataset.Numbered(10, 8, 8);
        var loader = Loader(data, workers: 1, batch: 4);
        Assert.Equal(3, loader.BatchesPerEpoch);
        var sizes = new List<int>();
        var seen = new List<int>();
        foreach (var b in loader.Epoch(0))
            using (b)
            {
                sizes.Add(b.Count);
                seen.AddRange(b.Indices);
            }
        Assert.Equal([4, 4, 2], sizes);
        Assert.Equal(loader.EpochOrder(0), seen);
        Assert.Equal(Enumerable.Range(0, 10), seen.Order());
        Assert.NotEqual(loader.EpochOrder(0), loader.EpochOrder(1));
        Assert.Equal(loader.EpochOrder(1), Loader(data, workers: 3, batch: 4).EpochOrder(1));
        Assert.Equal(Enumerable.Range(0, 10), Loader(data, 0, shuffle: false).EpochOrder(5));
    }

    [Fact]
    public void DropLast_LeavesOutTheShortBatch_AndTooFewSamplesIsAnError()
    {
        var data = MemoryDataset.Numbered(10, 8, 8);
        var loader = Loader(data, workers: 0, batch: 4, dropLast: true);
        Assert.Equal(2, loader.BatchesPerEpoch);
        Assert.All(loader.Epoch(3), b => { using (b) Assert.Equal(4, b.Count); });
        var e = Assert.Throws<ArgumentException>(() => Loader(data, 0, batch: 16, dropLast: true));
        Assert.Contains("fewer than the batch size 16", e.Message);
        Assert.Throws<ArgumentException>(() => new LoaderOptions { Workers = -1 }.Validate());
    }

    [Fact]
    public void SamplesOfDifferentSizes_CannotShareABatch()
    {
        var classes = new DatasetClasses(["a", "b"]);
        var data = new MemoryDataset([MemoryDataset.NumberedSample(0, 8, 8, 2), MemoryDataset.NumberedSample(1, 9, 8, 2)], classes);
        var e = Assert.Throws<DatasetException>(() => Loader(data, 0, batch: 2, shuffle: false, t: TransformPipeline.Empty).LoadBatch(LoaderPosition.Start));
        Assert.Contains("sample-1", e.Message);
        Assert.Contains("RandomCrop", e.Message);
    }

    [Fact]
    public void AWorkerFailure_ReachesTheConsumerAtThatBatch_AndThePositionStaysThere()
    {
        var data = MemoryDataset.Numbered(12, 16, 14, failAt: 5);
        var loader = Loader(data, workers: 2, batch: 4, shuffle: false);
        using var stream = loader.Stream();
        stream.Next()!.Dispose();
        var e = Assert.Throws<DatasetException>(() => stream.Next());
        Assert.Contains("sample 5 is broken", e.Message);
        Assert.Equal(new LoaderPosition(0, 1), stream.Position);
        Assert.Throws<DatasetException>(() => stream.Next());
    }

    [Fact]
    public void Cancelling_StopsTheStream_AndDisposeStopsTheWorkers()
    {
        var data = MemoryDataset.Numbered(40, 16, 14);
        using var cts = new CancellationTokenSource();
        var stream = Loader(data, workers: 3).Stream(LoaderPosition.Start, cts.Token);
        stream.Next()!.Dispose();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => stream.Next());
        stream.Dispose();
        AssertNoMoreLoads(data);
    }

    // Once the workers are joined nothing loads any more, however long one waits.
    static void AssertNoMoreLoads(MemoryDataset data)
    {
        var loads = data.Loads;
        Thread.Sleep(50);
        Assert.Equal(loads, data.Loads);
    }

    [Fact]
    public void Prefetch_IsBounded()
    {
        var data = MemoryDataset.Numbered(200, 8, 8);
        using var stream = Loader(data, workers: 2, batch: 2).Stream();   // at most 2 workers x 2 batches ahead
        stream.Next()!.Dispose();
        Thread.Sleep(200);
        // One batch taken, at most four prepared ahead, each of 2 samples.
        Assert.InRange(data.Loads, 2, 10);
    }

    [Fact]
    public void BreakingOutOfAnEpoch_StopsItsWorkers()
    {
        var data = MemoryDataset.Numbered(200, 8, 8);
        foreach (var b in Loader(data, workers: 2, batch: 2).Epoch(0))
        {
            b.Dispose();
            break;
        }
        AssertNoMoreLoads(data);
    }

    [Fact]
    public void NoTensorLeaks_WhenBatchesAreScopedOrDisposed_OrLeftPendingAtDispose()
    {
        var data = MemoryDataset.Numbered(30, 16, 14);
        var loader = Loader(data, workers: 2);
        var start = LiveTensors.Settled();
        using (var stream = loader.Stream())
        {
            for (var step = 0; step < 12; step++)
            {
                using var scope = NewDisposeScope();
                var batch = stream.Next()!;
                using var sum = batch.Images.sum();
                Assert.True(float.IsFinite(sum.item<float>()));
            }
            for (var step = 0; step < 3; step++) stream.Next()!.Dispose();
            Thread.Sleep(20);   // let the workers fill the prefetch queue, which Dispose must free
        }
        Assert.Equal(start, LiveTensors.Settled());
    }
}
