global using SegGanLab.Tests;
global using SegGanLab.Tests.Golden;
using Xunit;

// The leak tests compare the process-wide live tensor count, so tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
