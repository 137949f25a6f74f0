using System.Security.Cryptography;
using System.Text;

namespace SegGanLab.Kernel.Messaging;

/// <summary>Why a received message was refused.</summary>
internal enum SignatureCheck
{
    /// <summary>Signed correctly and never seen before.</summary>
    Valid,
    /// <summary>The signature does not match the message and key.</summary>
    Bad,
    /// <summary>A correct signature seen before: a replayed message.</summary>
    Replayed,
}

/// <summary>
/// HMAC-SHA256 signatures over header, parent header, metadata and content, as hex. Checks compare
/// in constant time and remember recent signatures so a replayed message is refused. An empty key
/// disables signing (Jupyter's convention).
/// </summary>
internal sealed class MessageSigner
{
    // ipykernel remembers this many digests; older ones are forgotten first.
    const int Remembered = 1 << 16;

    readonly byte[] _key;
    readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    readonly Queue<string> _order = new();
    readonly Lock _gate = new();

    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => _key.Length > 0;

    /// <summary>The signature frame for the four JSON frames (empty when signing is disabled).</summary>
    public byte[] Sign(byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (!Enabled) return [];
        return Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Mac(header, parent, metadata, content)));
    }

    public SignatureCheck Verify(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (!Enabled) return SignatureCheck.Valid;
        var expected = Sign(header, parent, metadata, content);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return SignatureCheck.Bad;
        var text = Encoding.ASCII.GetString(signature);
        lock (_gate)
        {
            if (!_seen.Add(text)) return SignatureCheck.Replayed;
            _order.Enqueue(text);
            if (_order.Count > Remembered) _seen.Remove(_order.Dequeue());
        }
        return SignatureCheck.Valid;
    }

    byte[] Mac(byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }
}
