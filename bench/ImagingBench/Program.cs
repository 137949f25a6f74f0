using System.Diagnostics;
using System.Globalization;
using SegGanLab.Imaging;

// Decodes every file named in --list (one path a line) --repeat times on one thread, reading each
// file from disk as a loader does, as bench/pil/decode_bench.py does it with PIL. Warm-up passes run
// for at least two seconds first, so the timed passes see the JIT's optimised code, as a loader
// does after its first few batches. Time is this process's CPU time, which a machine shared with other
// work disturbs far less than wall time. Prints "images_per_s <rate>" (images per CPU second).
string? list = null;
var mode = ColorMode.Rgb;
var repeat = 3;
var reuse = false;
for (var i = 0; i < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--reuse": reuse = true; i--; break;
        case "--list": list = args[i + 1]; break;
        case "--mode": mode = Enum.Parse<ColorMode>(args[i + 1], ignoreCase: true); break;
        case "--repeat": repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown option {args[i]}; use --list FILE --mode Rgb|Gray|Labels|Auto --repeat N [--reuse]");
    }
}
if (list is null) throw new ArgumentException("--list FILE is required");
var files = File.ReadAllLines(list).Where(l => l.Length > 0).ToArray();

// --reuse decodes into one buffer (ImageFile.ReadInto, a loader's path); otherwise every image is a
// new array (ImageFile.Read), as PIL returns.
var buffer = new byte[files.Max(f => ImageFile.ReadInfo(f).ByteCountFor(mode))];
long checksum = 0; // keeps the decodes observable
void Pass()
{
    foreach (var f in files)
        checksum += reuse ? ImageFile.ReadInto(f, buffer, mode).ByteCount : ImageFile.Read(f, mode).Pixels[0];
}

var warm = Stopwatch.GetTimestamp();
do Pass(); while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 2);
var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
for (var r = 0; r < repeat; r++) Pass();
var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"images_per_s {files.Length * repeat / seconds:F1}"));
return checksum < 0 ? 1 : 0;
