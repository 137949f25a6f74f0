using SegGanLab.Plots.Tests.Runs;
using SegGanLab.Plots.Tests.Schema;
using Xunit;

namespace SegGanLab.Plots.Tests.Charts;

/// <summary>Three fixture runs shared by the schema tests of every chart.</summary>
public sealed class ChartRunsFixture : IDisposable
{
    readonly FixtureRun _seg = FixtureRun.Segmentation(), _other = FixtureRun.Segmentation("other", seed: 3, steps: 100), _deblur = FixtureRun.Deblur();

    public ChartRunsFixture() => (Seg, Other, Deblur) = (RunFolder.Read(_seg.Folder), RunFolder.Read(_other.Folder), RunFolder.Read(_deblur.Folder));

    internal RunRecords Seg { get; }
    internal RunRecords Other { get; }
    internal RunRecords Deblur { get; }

    public void Dispose()
    {
        _seg.Dispose();
        _other.Dispose();
        _deblur.Dispose();
    }
}

/// <summary>Every chart the report draws, built from fixture runs, emits only attributes plotly's schema has, with valid values.</summary>
public class ChartSchemaTests(ChartRunsFixture runs) : IClassFixture<ChartRunsFixture>
{
    static readonly PlotlySchema Schema = PlotlySchema.Load();

    public static TheoryData<string> Charts() => ["losses", "metrics", "per-class", "confusion", "mask-grid", "deblur-metrics", "deblur-grid", "compare-metrics", "compare-losses"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Chart_IsValidAgainstPlotlysSchema(string chart)
    {
        var (s, o, d) = (runs.Seg, runs.Other, runs.Deblur);
        var figure = chart switch
        {
            "losses" => LossChart.Create(s.Train),
            "metrics" => MetricChart.Create(s.Evals),
            "per-class" => PerClassChart.Create(s.BestEval!, s.Classes),
            "confusion" => ConfusionChart.Create(s.ReadConfusion(s.BestEval!)!),
            "mask-grid" => MaskGrid.Load(s.ReadSamples(s.BestEval!)!, s.Classes).ToFigure(),
            "deblur-metrics" => MetricChart.Create(d.Evals),
            "deblur-grid" => MaskGrid.Load(d.ReadSamples(d.BestEval!)!, null).ToFigure(),
            "compare-metrics" => CompareChart.Metrics([s, o, d]),
            "compare-losses" => CompareChart.Losses([s, o, d]),
            _ => throw new ArgumentOutOfRangeException(nameof(chart)),
        };
        var errors = Schema.Validate(figure.ToJsonObject());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
