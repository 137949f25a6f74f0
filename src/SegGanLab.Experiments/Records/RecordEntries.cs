using System.Reflection;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// A recipe's options record in options.json: every settable property of a simple type as
/// <c>&lt;part&gt;.&lt;snake_name&gt;</c>, against the record's own defaults (a freshly constructed one).
/// </summary>
internal static class RecordEntries
{
    public static IEnumerable<OptionValue> Of<T>(string part, T value, T defaults) where T : class =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && IsSimple(p.PropertyType))
            .Select(p => new OptionValue($"{part}.{OptionNames.Snake(p.Name)}", OptionNames.Json(p.GetValue(value)), OptionNames.Json(p.GetValue(defaults))));

    static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal);
    }
}
