global using SegGanLab.Tests;
using Xunit;

// Leak tests compare the process-wide live tensor count, so no other test may create tensors
// while one runs. The suite takes seconds; serial is the honest choice.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
