using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Kernel.Zmq;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// The iopub channel over an in-process transport, where a message libzmq has accepted is already in
/// the subscriber's queue: Publish returning means the message has been sent, in order (what lets the
/// kernel send a request's reply after all of its iopub messages).
/// </summary>
public sealed class IopubPublisherTests
{
    [Fact]
    public void Publish_Returns_AfterTheMessageWasSent_InOrder()
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
            joined = sub.Receive(50) is not null;
        }
        Assert.True(joined);
        while (sub.Receive(0) is not null) { }

        // Three threads publish at once, as the shell, control and execution threads do.
        var threads = Enumerable.Range(0, 3).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 100; i++) publisher.Publish("stream", new JsonObject { ["name"] = $"t{t}", ["text"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        publisher.Status("idle", null);

        // No waiting: everything is there already, each thread's messages in the order it sent them.
        var received = new List<JupyterMessage>();
        while (sub.Receive(0) is { } frames) received.Add(codec.Decode(frames, out _)!);
        Assert.Equal(301, received.Count);
        for (var t = 0; t < 3; t++)
            Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                received.Where(m => m.Content["name"]?.GetValue<string>() == $"t{t}").Select(m => m.Content["text"]!.GetValue<string>()));
        Assert.Equal("idle", received[^1].Content["execution_state"]!.GetValue<string>());
    }

    [Fact]
    public void Publish_AfterDispose_IsDroppedAndLogged()
    {
        using var context = new ZmqContext();
        var pub = context.Socket(ZmqNative.PUB);
        pub.Bind($"inproc://iopub-{Guid.NewGuid():N}");
        var log = new StringWriter();
        var publisher = new IopubPublisher(pub, new WireCodec(new MessageSigner(""), "session"), new KernelLog(log));
        publisher.Dispose();
        publisher.Status("idle", null);
        Assert.Contains("iopub is closed; dropped a late status message", log.ToString());
    }
}
