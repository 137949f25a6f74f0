using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// Marks an enum member that plotly.js spells as a JSON boolean, as in <c>visible: false</c>
/// beside <c>visible: "legendonly"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class PlotlyBooleanAttribute(bool value) : Attribute
{
    /// <summary>The boolean written for the member.</summary>
    public bool Value { get; } = value;
}

/// <summary>
/// Writes the figure model's enums as plotly.js values: the member name in lower case, or its
/// <see cref="JsonStringEnumMemberNameAttribute"/> (<c>"x unified"</c>), or a boolean
/// (<see cref="PlotlyBooleanAttribute"/>); a <c>[Flags]</c> enum becomes a flag list (<c>"lines+markers"</c>).
/// </summary>
sealed class PlotlyEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    sealed class EnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), false);
        static readonly (T Value, string Name, bool? Boolean)[] Members = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((T)f.GetValue(null)!,
                f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name.ToLowerInvariant(),
                f.GetCustomAttribute<PlotlyBooleanAttribute>()?.Value))
            .ToArray();
        readonly ConcurrentDictionary<T, string> _flagLists = new();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Plotly figures are written, not read: build a Figure in code instead.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            foreach (var member in Members)
            {
                if (!EqualityComparer<T>.Default.Equals(member.Value, value)) continue;
                if (member.Boolean is { } b) writer.WriteBooleanValue(b);
                else writer.WriteStringValue(member.Name);
                return;
            }
            if (!IsFlags) throw new JsonException($"{value} is not a defined {typeof(T).Name} value.");
            writer.WriteStringValue(_flagLists.GetOrAdd(value, FlagList));
        }

        static string FlagList(T value)
        {
            var bits = Convert.ToUInt64(value);
            var names = Members.Where(m => Convert.ToUInt64(m.Value) is var b && b != 0 && (bits & b) == b).ToArray();
            var covered = names.Aggregate(0UL, (acc, m) => acc | Convert.ToUInt64(m.Value));
            if (covered != bits) throw new JsonException($"{value} holds bits that no {typeof(T).Name} flag names.");
            return string.Join('+', names.Select(m => m.Name));
        }
    }
}
