namespace SegGanLab.Kernel;

/// <summary>A kernelspec that cannot be installed or removed; the message names the folder and what to do.</summary>
public sealed class KernelSpecException(string message) : Exception(message);
