using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SegGanLab.Kernel.Messaging;

/// <summary>
/// Jupyter's wire format: <c>[identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers...]</c>. Decoding checks the signature; encoding signs and fills
/// the header (msg_id, session, username, date, msg_type, version).
/// </summary>
internal sealed class WireCodec(MessageSigner signer, string session)
{
    public const string ProtocolVersion = "5.3";
    static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    readonly string _username = Environment.UserName;

    /// <summary>The kernel's session id (every header it writes carries it).</summary>
    public string Session { get; } = session;

    /// <summary>The message, or null with <paramref name="problem"/> saying why it was refused.</summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? problem)
    {
        var d = 0;
        while (d < frames.Count && !frames[d].AsSpan().SequenceEqual(Delimiter)) d++;
        if (d + 6 > frames.Count)
        {
            problem = $"malformed message: {frames.Count} frames and no complete <IDS|MSG> envelope";
            return null;
        }
        var (signature, header, parent, metadata, content) = (frames[d + 1], frames[d + 2], frames[d + 3], frames[d + 4], frames[d + 5]);
        switch (signer.Verify(signature, header, parent, metadata, content))
        {
            case SignatureCheck.Bad:
                problem = "bad signature";
                return null;
            case SignatureCheck.Replayed:
                problem = "replayed signature (a message seen before)";
                return null;
        }
        try
        {
            problem = null;
            return new JupyterMessage
            {
                Identities = frames.Take(d).ToArray(),
                Header = Object(header, "header"),
                ParentHeader = Object(parent, "parent_header"),
                Metadata = Object(metadata, "metadata"),
                Content = Object(content, "content"),
                Buffers = frames.Skip(d + 6).ToArray(),
            };
        }
        catch (JsonException e)
        {
            problem = $"malformed message: {e.Message}";
            return null;
        }
    }

    /// <summary>A new header of type <paramref name="msgType"/>.</summary>
    public JsonObject Header(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = Session,
        ["username"] = _username,
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>The signed frames of a new message.</summary>
    public List<byte[]> Encode(IEnumerable<byte[]> identities, string msgType, JsonObject content, JsonObject? parentHeader, JsonObject? metadata = null)
    {
        var header = Bytes(Header(msgType));
        var parent = Bytes(parentHeader ?? new JsonObject());
        var meta = Bytes(metadata ?? new JsonObject());
        var body = Bytes(content);
        var frames = new List<byte[]>(identities) { Delimiter, signer.Sign(header, parent, meta, body), header, parent, meta, body };
        return frames;
    }

    /// <summary>The frames of a reply to <paramref name="request"/>, routed back to its sender.</summary>
    public List<byte[]> Reply(JupyterMessage request, string msgType, JsonObject content, JsonObject? metadata = null) =>
        Encode(request.Identities, msgType, content, request.Header, metadata);

    // Messages go to Jupyter clients, not into HTML pages: no need to escape '<', '+' or non-ASCII.
    static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Compact));

    static JsonObject Object(byte[] frame, string part) =>
        JsonNode.Parse(frame) as JsonObject ?? throw new JsonException($"the {part} frame is not a JSON object");
}
