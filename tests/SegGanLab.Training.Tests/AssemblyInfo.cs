global using SegGanLab.Tests;
using Xunit;

// Training tests share the global RNG and compare live tensor counts: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
