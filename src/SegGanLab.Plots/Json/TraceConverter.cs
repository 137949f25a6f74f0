using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegGanLab.Plots;

/// <summary>
/// Writes a trace by its runtime type, so a <c>Trace</c> list serialises every derived
/// attribute, including trace types defined outside this assembly. Figures are only written.
/// </summary>
sealed class TraceConverter : JsonConverter<Trace>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(Trace);

    public override Trace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Plotly figures are written, not read: build a Figure in code instead.");

    public override void Write(Utf8JsonWriter writer, Trace value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
