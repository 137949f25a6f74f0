using System.Text.Json;

namespace SegGanLab.Kernel;

/// <summary>
/// A Jupyter connection file: where the five sockets bind and how messages are signed.
/// The frontend writes it and passes its path to the kernel (<c>{connection_file}</c> in kernel.json).
/// </summary>
public sealed record ConnectionInfo
{
    /// <summary><c>tcp</c> or <c>ipc</c>.</summary>
    public required string Transport { get; init; }
    /// <summary>The address to bind (tcp), or the path prefix (ipc).</summary>
    public required string Ip { get; init; }
    /// <summary>Shell ROUTER port.</summary>
    public required int ShellPort { get; init; }
    /// <summary>IOPub PUB port.</summary>
    public required int IopubPort { get; init; }
    /// <summary>Stdin ROUTER port.</summary>
    public required int StdinPort { get; init; }
    /// <summary>Control ROUTER port.</summary>
    public required int ControlPort { get; init; }
    /// <summary>Heartbeat REP port.</summary>
    public required int HbPort { get; init; }
    /// <summary><c>hmac-sha256</c> (the only scheme supported), or empty with an empty key.</summary>
    public required string SignatureScheme { get; init; }
    /// <summary>The HMAC key; empty means messages are not signed.</summary>
    public required string Key { get; init; }

    /// <summary>The endpoint for <paramref name="port"/>: <c>tcp://ip:port</c> or <c>ipc://ip-port</c>.</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";

    /// <summary>Reads and validates a connection file.</summary>
    /// <exception cref="ConnectionFileException">When the file is missing, not JSON, or a field is missing or wrong.</exception>
    public static ConnectionInfo Load(string path)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            root = doc.RootElement.Clone();
        }
        catch (IOException e) { throw new ConnectionFileException($"Cannot read the connection file '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new ConnectionFileException($"Cannot read the connection file '{path}': {e.Message}"); }
        catch (JsonException e) { throw new ConnectionFileException($"The connection file '{path}' is not valid JSON: {e.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) throw new ConnectionFileException($"The connection file '{path}' must hold a JSON object.");

        string Text(string field, string? fallback = null)
        {
            if (root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString()!;
            return fallback ?? throw new ConnectionFileException($"The connection file '{path}' lacks the string field \"{field}\".");
        }
        int Port(string field)
        {
            if (root.TryGetProperty(field, out var v) && v.TryGetInt32(out var port) && port is >= 0 and <= 65535) return port;
            throw new ConnectionFileException($"The connection file '{path}' needs \"{field}\" as a port number (0-65535).");
        }

        var info = new ConnectionInfo
        {
            Transport = Text("transport", "tcp"),
            Ip = Text("ip", "127.0.0.1"),
            ShellPort = Port("shell_port"),
            IopubPort = Port("iopub_port"),
            StdinPort = Port("stdin_port"),
            ControlPort = Port("control_port"),
            HbPort = Port("hb_port"),
            SignatureScheme = Text("signature_scheme", ""),
            Key = Text("key", ""),
        };
        if (info.Transport is not ("tcp" or "ipc"))
            throw new ConnectionFileException($"The connection file '{path}' names transport \"{info.Transport}\"; the kernel supports \"tcp\" and \"ipc\".");
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
            throw new ConnectionFileException($"The connection file '{path}' asks for signature scheme \"{info.SignatureScheme}\"; the kernel supports \"hmac-sha256\".");
        return info;
    }
}
