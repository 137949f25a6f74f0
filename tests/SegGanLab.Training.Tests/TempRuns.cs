namespace SegGanLab.Training.Tests;

/// <summary>A test class whose runs go to a temporary folder, deleted when the class's tests end.</summary>
public abstract class TempRuns : IDisposable
{
    /// <summary>The folder runs are created in.</summary>
    protected string Runs { get; } = Directory.CreateTempSubdirectory("seggan-runs-").FullName;

    public void Dispose()
    {
        Directory.Delete(Runs, recursive: true);
        GC.SuppressFinalize(this);
    }
}
