using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class ConnectionInfoTests : IDisposable
{
    readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Load_ReadsJupytersConnectionFile()
    {
        File.WriteAllText(_file, """
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "seggan"}
            """);
        var info = ConnectionInfo.Load(_file);
        Assert.Equal(("tcp://127.0.0.1:5002", "abc"), (info.Endpoint(info.IopubPort), info.Key));
        Assert.Equal("ipc://kernel-7-5001", (info with { Transport = "ipc", Ip = "kernel-7" }).Endpoint(5001));
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("""{"iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1}""", "\"shell_port\" as a port number")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1, "key": "k", "signature_scheme": "hmac-md5"}""", "\"hmac-md5\"")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 1, "control_port": 1, "hb_port": 1, "transport": "udp"}""", "transport \"udp\"")]
    public void Load_NamesTheFileAndTheFault(string content, string expected)
    {
        File.WriteAllText(_file, content);
        var e = Assert.Throws<ConnectionFileException>(() => ConnectionInfo.Load(_file));
        Assert.Contains(_file, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var e = Assert.Throws<ConnectionFileException>(() => ConnectionInfo.Load(_file + ".missing"));
        Assert.Contains("Cannot read the connection file", e.Message);
    }
}
