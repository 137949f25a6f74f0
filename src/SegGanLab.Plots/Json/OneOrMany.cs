using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// An attribute plotly accepts as one value or one per point (its <c>arrayOk</c>), such as a
/// marker colour or size: <c>Color = "#1f77b4"</c> or <c>Color = new[] { "#000", "#e6194b" }</c>.
/// </summary>
[JsonConverter(typeof(OneOrManyConverterFactory))]
public sealed class OneOrMany<T>
{
    OneOrMany(T? one, IReadOnlyList<T>? many) => (One, Many) = (one, many);

    /// <summary>The single value, when one was given.</summary>
    public T? One { get; }

    /// <summary>The per-point values, when a list was given.</summary>
    public IReadOnlyList<T>? Many { get; }

#pragma warning disable CS1591 // The conversions are the constructors; their meaning is the type's.
    public static implicit operator OneOrMany<T>(T value) => new(value, null);
    public static implicit operator OneOrMany<T>(T[] values) => new(default, values);
    public static implicit operator OneOrMany<T>(List<T> values) => new(default, values);
#pragma warning restore CS1591
}

/// <summary>Writes a <see cref="OneOrMany{T}"/> as its value or as an array.</summary>
sealed class OneOrManyConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(OneOrMany<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    sealed class Converter<T> : JsonConverter<OneOrMany<T>>
    {
        public override OneOrMany<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Plotly figures are written, not read: build a Figure in code instead.");

        public override void Write(Utf8JsonWriter writer, OneOrMany<T> value, JsonSerializerOptions options)
        {
            if (value.Many is null) { DataArrayConverter.WriteItem(writer, value.One, options); return; }
            writer.WriteStartArray();
            foreach (var item in value.Many) DataArrayConverter.WriteItem(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
