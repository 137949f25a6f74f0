using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SegGanLab.Scripting;

/// <summary>
/// An exception as a notebook shows it: <c>Type: message</c>, then the frames of the script and
/// the libraries it called, each with the script's own line numbers (<c>at F(Int32 a) in In[2]:line 1</c>,
/// top-level statements as <c>at In[2]:line 4</c>). Frames of Roslyn's script runner, of this
/// host and of the async plumbing are left out; inner exceptions follow with <c>---&gt;</c>.
/// </summary>
internal static partial class ScriptTraceback
{
    const int MaxInner = 4;

    /// <summary>The exception a user cares about: reflection and single-task wrappers removed.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
            else if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
            else return e;
        }
    }

    /// <summary>The traceback lines of <paramref name="e"/>.</summary>
    public static IReadOnlyList<string> Lines(Exception e)
    {
        var lines = new List<string>();
        e = Unwrap(e);
        for (var depth = 0; depth <= MaxInner; depth++)
        {
            lines.Add((depth == 0 ? "" : "---> ") + $"{e.GetType().FullName}: {e.Message}");
            lines.AddRange(Frames(e));
            if (e.InnerException is not { } inner) break;
            e = Unwrap(inner);
        }
        return lines;
    }

    static IEnumerable<string> Frames(Exception e)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var ns = method?.DeclaringType?.Namespace ?? "";
            // Everything below the script runner (or this host's execution loop) is machinery.
            if (ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || IsHost(method?.DeclaringType)) yield break;
            if (method is null || ns is "System.Runtime.CompilerServices" or "System.Runtime.ExceptionServices") continue;
            var file = frame.GetFileName();
            var where = file is null ? "" : $" in {file}:line {frame.GetFileLineNumber()}";
            var name = Describe(method);
            yield return name is null ? $"   at {file ?? "<script>"}:line {frame.GetFileLineNumber()}" : $"   at {name}{where}";
        }
    }

    // The session itself, or its async state machines and lambdas (nested types), which await a compiled script file.
    static bool IsHost(Type? type) => type is not null && (type == typeof(ScriptSession) || IsHost(type.DeclaringType));

    /// <summary>A readable frame name, or null for a script's top-level statements.</summary>
    static string? Describe(MethodBase method)
    {
        var type = method.DeclaringType;
        var name = method.Name;
        // Async methods and iterators run in a generated <Name>d__N type's MoveNext.
        if (type is not null && name == "MoveNext" && Generated().Match(type.Name) is { Success: true } sm)
        {
            name = sm.Groups["name"].Value;
            type = type.DeclaringType;
        }
        if (Generated().Match(name) is { Success: true } lambda)
            name = lambda.Groups["name"].Value == "<Initialize>" && lambda.Groups["kind"].Value == "b" ? "lambda" : lambda.Groups["name"].Value + " (lambda)";
        if (name is "<Initialize>" or "<Factory>") return null;
        var parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
        var owner = TypeName(type);
        return (owner.Length == 0 ? "" : owner + ".") + name + "(" + parameters + ")";
    }

    // Script types nest in Submission#N; closures in <>c and <...>d__N classes: show only the user's names.
    static string TypeName(Type? type)
    {
        if (type?.FullName is not { } full) return "";
        var sb = new StringBuilder();
        foreach (var part in full.Split('+'))
        {
            if (part.StartsWith("Submission#", StringComparison.Ordinal) || part.StartsWith('<')) continue;
            if (sb.Length > 0) sb.Append('.');
            sb.Append(part);
        }
        return sb.ToString();
    }

    // Compiler-generated names: <Name>d__3 (state machine), <Name>b__0_0 (lambda), <>c (closure class).
    [GeneratedRegex(@"^<(?<name>.*)>(?<kind>[a-z])__")]
    private static partial Regex Generated();
}
