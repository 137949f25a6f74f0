using SegGanLab.Scripting;

namespace SegGanLab.Scripting.Tests;

/// <summary>One warmed-up session per test class (C# scripts may redeclare a variable, so tests do not collide).</summary>
public sealed class SessionFixture : IDisposable
{
    public ScriptSession Session { get; } = new();

    public void Dispose() => Session.Dispose();
}
