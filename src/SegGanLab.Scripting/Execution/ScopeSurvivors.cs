using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using SegGanLab.Torch;

namespace SegGanLab.Scripting;

/// <summary>
/// At the end of a cell, finds every tensor that the script can still reach (through its
/// variables, the cell's value, script classes' static fields, and whatever those reference:
/// modules, collections, tuples, closures, user objects) and moves it out of the cell's dispose
/// scope, so disposing the scope frees only the temporaries.
/// </summary>
internal static class ScopeSurvivors
{
    // A walk over a huge object graph (a dataset held in a variable) stops here; tensors past it
    // are freed with the scope, and the host says so on stderr.
    internal const int Budget = 200_000;

    static readonly ConcurrentDictionary<Type, FieldInfo[]> ReferenceFields = new();

    /// <summary>Moves reachable tensors out of <paramref name="scope"/>; returns false when the walk ran out of budget.</summary>
    public static bool Keep(DisposeScope scope, IEnumerable<object?> roots)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        foreach (var root in roots) if (root is not null) pending.Push(root);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item)) continue;
            if (seen.Count > Budget) return false;
            switch (item)
            {
                case Tensor t:
                    scope.MoveToOuter(t);
                    continue;
                case string or Type or MemberInfo or Assembly or Pointer or Thread:
                    continue;
                case Delegate d:
                    foreach (var part in d.GetInvocationList()) if (part.Target is { } target) pending.Push(target);
                    continue;
                case Array array:
                    if (CanHoldReferences(array.GetType().GetElementType()!))
                        foreach (var element in array) if (element is not null) pending.Push(element);
                    continue;
            }
            foreach (var field in FieldsOf(item.GetType()))
                if (field.GetValue(item) is { } value) pending.Push(value);
        }
        return true;
    }

    static readonly ConditionalWeakTable<Assembly, FieldInfo[]> StaticFields = new();

    /// <summary>The values of the static fields, in the types of <paramref name="assembly"/>, that can hold references.</summary>
    public static IEnumerable<object?> StaticRoots(Assembly assembly) =>
        StaticFields.GetValue(assembly, FindStaticFields).Select(ReadStatic);

    static FieldInfo[] FindStaticFields(Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types.OfType<Type>().ToArray(); }
        return types.Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && CanHoldReferences(f.FieldType))
            .ToArray();
    }

    static object? ReadStatic(FieldInfo field)
    {
        // A script class whose static constructor throws has no statics to keep.
        try { return field.GetValue(null); }
        catch (TypeInitializationException) { return null; }
    }

    static FieldInfo[] FieldsOf(Type type) => ReferenceFields.GetOrAdd(type, static t =>
    {
        var fields = new List<FieldInfo>();
        for (var current = t; current is not null && current != typeof(object); current = current.BaseType)
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (CanHoldReferences(field.FieldType)) fields.Add(field);
        return fields.ToArray();
    });

    static readonly ConcurrentDictionary<Type, bool> Leaves = new();

    // A leaf cannot lead to a tensor: primitives, strings, and structs made only of leaves (so the
    // entries of a Dictionary<string, int> or a List<(int, float)> are not walked one by one).
    static bool CanHoldReferences(Type type) => !IsLeaf(type, 0);

    static bool IsLeaf(Type type, int depth)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateTimeOffset)) return true;
        if (!type.IsValueType || type.IsGenericTypeDefinition || depth > 8) return false;
        if (Leaves.TryGetValue(type, out var known)) return known;
        var leaf = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(f => IsLeaf(f.FieldType, depth + 1));
        Leaves[type] = leaf;
        return leaf;
    }
}
