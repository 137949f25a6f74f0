global using SegGanLab.Tests;
using Xunit;

// The tests start CLI processes that each load LibTorch and may train; on two cores one at a time
// keeps every wait well inside its limit.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
