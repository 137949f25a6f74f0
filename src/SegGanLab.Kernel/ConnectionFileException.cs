namespace SegGanLab.Kernel;

/// <summary>A connection file that cannot be used; the message names the file, the field and what is expected.</summary>
public sealed class ConnectionFileException(string message) : Exception(message);
