global using SegGanLab.Tests;
using Xunit;

// Leak tests compare the process-wide live tensor count, so no other test may create tensors
// while one runs; the models also use every core for their convolutions. Serial is the honest choice.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
