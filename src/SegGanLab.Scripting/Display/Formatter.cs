using System.Collections.Concurrent;

namespace SegGanLab.Scripting;

/// <summary>
/// The registry that turns values into <see cref="MimeBundle"/>s for <c>Display(x)</c>, a cell's
/// result and the pager. The most derived registered type wins (a class over an interface it
/// implements, and among equals the latest registration); every bundle carries
/// <c>text/plain</c>, filled in from <see cref="PlainText.Of"/> when the formatter gave none.
/// Built in: tensors, modules, exceptions, bundles themselves. Figures, mask grids and
/// experiment results register theirs from their own layers.
/// </summary>
/// <example><code>
/// Formatter.Register&lt;Confusion&gt;(c => new MimeBundle().Add("text/html", c.ToHtml()));
/// </code></example>
public static class Formatter
{
    static readonly Lock Gate = new();
    static readonly List<Registration> Registrations = [];
    static readonly ConcurrentDictionary<Type, Registration?> Chosen = new();
    static long _order;

    static Formatter() => BuiltInFormatters.RegisterAll();

    /// <summary>Registers <paramref name="format"/> for <typeparamref name="T"/> and its subtypes; dispose the result to remove it.</summary>
    public static IDisposable Register<T>(Func<T, MimeBundle> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var registration = new Registration(typeof(T), value => format((T)value), Interlocked.Increment(ref _order));
        lock (Gate)
        {
            Registrations.Add(registration);
            Chosen.Clear();
        }
        return registration;
    }

    /// <summary>Formats <paramref name="value"/> with the best registered formatter; always has <c>text/plain</c>.</summary>
    public static MimeBundle Format(object? value)
    {
        if (value is null) return MimeBundle.Text("null");
        var registration = Chosen.GetOrAdd(value.GetType(), Choose);
        var bundle = registration?.Format(value)
            ?? (registration is null ? new MimeBundle() : throw new InvalidOperationException($"The formatter registered for {registration.Type} returned null for a {value.GetType()}; return a MimeBundle."));
        if (!bundle.Contains(MimeBundle.TextPlain)) bundle.Add(MimeBundle.TextPlain, PlainText.Of(value));
        return bundle;
    }

    static Registration? Choose(Type type)
    {
        lock (Gate)
        {
            Registration? best = null;
            foreach (var candidate in Registrations)
                if (candidate.Type.IsAssignableFrom(type) && (best is null || Better(candidate, best))) best = candidate;
            return best;
        }
    }

    static bool Better(Registration a, Registration b)
    {
        if (a.Type != b.Type)
        {
            if (b.Type.IsAssignableFrom(a.Type)) return true;
            if (a.Type.IsAssignableFrom(b.Type)) return false;
            if (a.Type.IsInterface != b.Type.IsInterface) return !a.Type.IsInterface;
        }
        return a.Order > b.Order;
    }

    static void Remove(Registration registration)
    {
        lock (Gate)
        {
            Registrations.Remove(registration);
            Chosen.Clear();
        }
    }

    sealed class Registration(Type type, Func<object, MimeBundle> format, long order) : IDisposable
    {
        public Type Type { get; } = type;
        public Func<object, MimeBundle> Format { get; } = format;
        public long Order { get; } = order;
        public void Dispose() => Remove(this);
    }
}
