using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Metrics;

/// <summary>Writes NaN as null and reads null as NaN, as docs/run-folder.md stores undefined metrics.</summary>
internal sealed class NaNAsNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsNaN(value)) writer.WriteNullValue();
        else writer.WriteNumberValue(value);
    }
}
