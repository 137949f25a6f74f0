using System.Text;
using SegGanLab.Kernel.Messaging;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class MessageSignerTests
{
    static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Signature_IsHexHmacSha256_OverTheFourParts()
    {
        // hmac.new(b"secret", b'{"a":1}{}{}{"code":"1"}', hashlib.sha256).hexdigest() in Python.
        var signer = new MessageSigner("secret");
        var signature = Encoding.ASCII.GetString(signer.Sign(B("{\"a\":1}"), B("{}"), B("{}"), B("{\"code\":\"1\"}")));
        Assert.Equal("4cd721348272a9d38f52e40f18755f0c1547d1172085474a01e7af8f3442da14", signature);
    }

    [Fact]
    public void Verify_RejectsTamperingAndReplays()
    {
        var signer = new MessageSigner("k");
        byte[] h = B("{\"msg_id\":\"1\"}"), p = B("{}"), m = B("{}"), c = B("{}");
        var signature = signer.Sign(h, p, m, c);
        Assert.Equal(SignatureCheck.Valid, signer.Verify(signature, h, p, m, c));
        Assert.Equal(SignatureCheck.Replayed, signer.Verify(signature, h, p, m, c));
        Assert.Equal(SignatureCheck.Bad, signer.Verify(signature, h, p, m, B("{\"x\":1}")));
        Assert.Equal(SignatureCheck.Bad, signer.Verify([], h, p, m, c));
    }

    [Fact]
    public void EmptyKey_DisablesSigning()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.Enabled);
        Assert.Empty(signer.Sign(B("{}"), B("{}"), B("{}"), B("{}")));
        Assert.Equal(SignatureCheck.Valid, signer.Verify([], B("{}"), B("{}"), B("{}"), B("{}")));
    }
}
