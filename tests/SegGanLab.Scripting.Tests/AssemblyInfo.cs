global using SegGanLab.Tests;
using Xunit;

// Leak tests compare the process-wide live tensor count and the console is redirected per
// process: run the tests of this assembly one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
