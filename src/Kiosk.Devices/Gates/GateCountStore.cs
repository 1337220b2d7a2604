using System.Text.Json;

namespace Kiosk.Devices.Gates;

/// <summary>
/// Keeps a gate's people counts in a small JSON file. Each save writes a temporary file beside it, flushes it to the
/// disk and renames it over the old one, so a power cut leaves either the old counts or the new ones, never half a file
/// (rename(2) replaces the target atomically on one file system).
/// </summary>
internal sealed class GateCountStore(string path)
{
    public string Path { get; } = path;

    /// <summary>The saved counts; zeros when there is no file yet.</summary>
    /// <exception cref="InvalidDataException">The file is not a count file; the message says how to recover.</exception>
    public GatePassageCounts Load()
    {
        if (!File.Exists(Path))
        {
            return new GatePassageCounts(0, 0);
        }

        try
        {
            var counts = JsonSerializer.Deserialize(File.ReadAllText(Path), GateJsonContext.Default.GatePassageCounts);
            if (counts is { In: >= 0, Out: >= 0 })
            {
                return counts;
            }
        }
        catch (JsonException)
        {
            // Reported below with the fix.
        }

        throw new InvalidDataException($"Gate count file {Path} is not a count file (expected {{\"in\": N, \"out\": N}}); restore it from a backup, or delete it to count from zero.");
    }

    public void Save(GatePassageCounts counts)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, counts, GateJsonContext.Default.GatePassageCounts);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
