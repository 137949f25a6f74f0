using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// The iopub thread over an in-process transport, where a message libzmq has accepted is already in
/// the subscriber's queue: Flush returning means every message queued before it has been sent (what
/// lets the kernel send a request's reply after all of its iopub messages).
/// </summary>
public sealed class IopubPublisherTests
{
    [Fact]
    public void Flush_Returns_AfterEverythingQueuedBeforeItWasSent_InOrder()
    {
        using var context = new ZmqContext();
        var endpoint = $"inproc://iopub-{Guid.NewGuid():N}";
        var pub = context.Socket(ZmqNative.PUB);
        pub.Bind(endpoint);
        using var sub = context.Socket(ZmqNative.SUB);
        sub.SetOption(ZmqNative.SUBSCRIBE, ReadOnlySpan<byte>.Empty);
        sub.Connect(endpoint);
        var codec = new WireCodec(new MessageSigner(""), "session");
        using var publisher = new IopubPublisher(pub, codec, new KernelLog(TextWriter.Null));

        // A PUB socket drops what it sends before the subscription has reached it: probe until one arrives.
        var joined = false;
        for (var attempt = 0; attempt < 600 && !joined; attempt++)
        {
            publisher.Publish("probe", new JsonObject(), null);
            publisher.Flush(TimeSpan.FromSeconds(10));
            joined = sub.Receive(50) is not null;
        }
        Assert.True(joined);
        while (sub.Receive(0) is not null) { }

        for (var i = 0; i < 200; i++) publisher.Publish("stream", new JsonObject { ["text"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null);
        publisher.Status("idle", null);
        publisher.Flush(TimeSpan.FromSeconds(10));

        // No waiting: everything is there already.
        var received = new List<JupyterMessage>();
        while (sub.Receive(0) is { } frames) received.Add(codec.Decode(frames, out _)!);
        Assert.Equal(201, received.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Take(200).Select(m => m.Content["text"]!.GetValue<string>()));
        Assert.Equal("idle", received[^1].Content["execution_state"]!.GetValue<string>());
    }

    [Fact]
    public void Flush_AfterDispose_ReturnsAtOnce()
    {
        using var context = new ZmqContext();
        var pub = context.Socket(ZmqNative.PUB);
        pub.Bind($"inproc://iopub-{Guid.NewGuid():N}");
        var publisher = new IopubPublisher(pub, new WireCodec(new MessageSigner(""), "session"), new KernelLog(TextWriter.Null));
        publisher.Dispose();
        publisher.Flush(TimeSpan.FromMinutes(10));
    }
}
