global using SegGanLab.Tests;
global using SegGanLab.Tests.Golden;
using Xunit;

// Leak tests compare the process-wide live tensor count, so no other test may create tensors
// while one runs; the suite takes seconds, so it runs serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
