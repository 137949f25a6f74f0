using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// A plotly data array (<c>x</c>, <c>y</c>, <c>z</c>, <c>text</c>, <c>customdata</c>): numbers,
/// strings or nested rows. Arrays convert implicitly (<c>X = new[] { 1.0, 2.0 }</c>). NaN,
/// infinities and nulls are written as <c>null</c>, which plotly draws as a gap.
/// </summary>
[JsonConverter(typeof(DataArrayConverter))]
public sealed class DataArray
{
    readonly IList _values;

    DataArray(IList values) => _values = values;

    /// <summary>The number of entries (rows for a matrix).</summary>
    public int Count => _values.Count;

    /// <summary>The entries as given (numbers, strings, nulls or nested lists).</summary>
    public IList Values => _values;

    /// <summary>A data array from any sequence of numbers, strings or rows.</summary>
    public static DataArray From<T>(IEnumerable<T> values) => new(values.ToArray());

    /// <summary>A matrix (for <c>z</c>) from rows.</summary>
    public static DataArray Rows<T>(IEnumerable<IEnumerable<T>> rows) => new(rows.Select(r => r.ToArray()).ToArray());

#pragma warning disable CS1591 // The conversions are the constructors; their meaning is the type's.
    public static implicit operator DataArray(double[] values) => new(values);
    public static implicit operator DataArray(double?[] values) => new(values);
    public static implicit operator DataArray(float[] values) => new(values);
    public static implicit operator DataArray(int[] values) => new(values);
    public static implicit operator DataArray(long[] values) => new(values);
    public static implicit operator DataArray(string?[] values) => new(values);
    public static implicit operator DataArray(double[][] rows) => new(rows);
    public static implicit operator DataArray(double?[][] rows) => new(rows);
    public static implicit operator DataArray(long[][] rows) => new(rows);
    public static implicit operator DataArray(string?[][] rows) => new(rows);
    public static implicit operator DataArray(object?[][] rows) => new(rows);
#pragma warning restore CS1591
}

/// <summary>Writes a <see cref="DataArray"/>; non-finite numbers become JSON null.</summary>
sealed class DataArrayConverter : JsonConverter<DataArray>
{
    public override DataArray Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Plotly figures are written, not read: build a Figure in code instead.");

    public override void Write(Utf8JsonWriter writer, DataArray value, JsonSerializerOptions options) =>
        WriteList(writer, value.Values, options);

    static void WriteList(Utf8JsonWriter writer, IEnumerable values, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in values) WriteItem(writer, item, options);
        writer.WriteEndArray();
    }

    internal static void WriteItem(Utf8JsonWriter writer, object? item, JsonSerializerOptions options)
    {
        switch (item)
        {
            case null: writer.WriteNullValue(); break;
            case double d: WriteNumber(writer, d); break;
            case float f: WriteNumber(writer, f); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case IEnumerable nested: WriteList(writer, nested, options); break;
            default: JsonSerializer.Serialize(writer, item, item.GetType(), options); break;
        }
    }

    static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
