using System.Text.Json;

namespace SegGanLab.Plots;

/// <summary>
/// Reads <c>metrics.jsonl</c>: train and eval records, in file order. Records of other kinds are
/// skipped (later layers may add some); an unfinished last line (a run still writing) is
/// ignored, a malformed line anywhere else is an error naming its line.
/// </summary>
static class MetricsLog
{
    public static (List<TrainRecord> Train, List<EvalRecord> Evals) Read(string path)
    {
        var (train, evals) = (new List<TrainRecord>(), new List<EvalRecord>());
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var where = $"{path} line {i + 1}";
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                // The last line of a log that is still being written may be cut short.
                if (i == lines.Length - 1 && !text.EndsWith('\n')) break;
                throw new RunFolderException($"{where} is not a JSON object ({e.Message}); each line of metrics.jsonl holds one record.", e);
            }
            using (doc)
            {
                var record = JsonFields.Object(doc.RootElement, where);
                switch (JsonFields.OptionalString(record, "kind", where))
                {
                    case "train": train.Add(ReadTrain(record, where)); break;
                    case "eval": evals.Add(ReadEval(record, where)); break;
                    case null: throw new RunFolderException($"{where}: the record has no \"kind\" (\"train\" or \"eval\").");
                }
            }
        }
        return (train, evals);
    }

    static TrainRecord ReadTrain(JsonElement r, string where) => new(
        JsonFields.Step(r, where),
        JsonFields.OptionalNumber(r, "epoch", where),
        JsonFields.OptionalNumber(r, "time", where),
        JsonFields.NumberMap(r, "losses", where),
        JsonFields.NumberMap(r, "lr", where));

    static EvalRecord ReadEval(JsonElement r, string where) => new(
        JsonFields.Step(r, where),
        JsonFields.OptionalNumber(r, "epoch", where),
        JsonFields.OptionalNumber(r, "time", where),
        JsonFields.OptionalString(r, "split", where) ?? "val",
        JsonFields.NumberMap(r, "metrics", where),
        ReadPerClass(r, where),
        JsonFields.OptionalString(r, "confusion", where),
        JsonFields.OptionalString(r, "samples", where));

    static List<ClassScores> ReadPerClass(JsonElement r, string where)
    {
        var rows = new List<ClassScores>();
        if (!JsonFields.TryGet(r, "per_class", out var table)) return rows;
        if (table.ValueKind != JsonValueKind.Array) throw new RunFolderException($"{where}: \"per_class\" should be an array of class rows.");
        var k = 0;
        foreach (var row in table.EnumerateArray())
        {
            var at = $"{where} per_class[{k++}]";
            JsonFields.Object(row, at);
            rows.Add(new ClassScores(
                JsonFields.OptionalString(row, "name", at) ?? $"class {k - 1}",
                JsonFields.OptionalNumber(row, "iou", at), JsonFields.OptionalNumber(row, "acc", at),
                JsonFields.OptionalNumber(row, "dice", at), JsonFields.OptionalNumber(row, "precision", at),
                JsonFields.OptionalNumber(row, "recall", at)));
        }
        return rows;
    }
}
