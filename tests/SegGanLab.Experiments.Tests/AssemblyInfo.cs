global using SegGanLab.Tests;
using Xunit;

// Experiments share the global RNG, ExperimentHost's process-wide settings and live tensor counts: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
