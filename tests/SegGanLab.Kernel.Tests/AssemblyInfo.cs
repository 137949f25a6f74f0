global using SegGanLab.Tests;
using Xunit;

// The kernels these tests start share the process's console redirection and the machine's two
// cores; one at a time keeps every timing-free wait well inside its limit.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
