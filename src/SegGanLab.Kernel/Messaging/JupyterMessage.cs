using System.Text.Json.Nodes;

namespace SegGanLab.Kernel.Messaging;

/// <summary>One Jupyter message: the routing identities it came with and its four JSON parts.</summary>
internal sealed class JupyterMessage
{
    public required IReadOnlyList<byte[]> Identities { get; init; }
    public required JsonObject Header { get; init; }
    public required JsonObject ParentHeader { get; init; }
    public required JsonObject Metadata { get; init; }
    public required JsonObject Content { get; init; }
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    public string Id => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A content field as <typeparamref name="T"/>, or <paramref name="fallback"/> when absent or of another type.</summary>
    public T Get<T>(string field, T fallback)
    {
        if (Content[field] is JsonValue value && value.TryGetValue<T>(out var v)) return v;
        return fallback;
    }
}
