using System.Globalization;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;

namespace Kioskctl.Commands;

/// <summary>Explains one 3M frame for <c>kioskctl decode 3m</c>.</summary>
internal static class ThreeMFrameExplainer
{
    public static ReaderFrameExplanation Explain(byte[] bytes, FrameDirection direction)
    {
        var from = direction == FrameDirection.HostToReader ? "host" : "reader";
        if (!ThreeMFrame.TryParse(bytes, direction, out var frame, out var problem))
        {
            return new ReaderFrameExplanation { Protocol = "3m", From = from, Problem = problem };
        }

        object? message = direction == FrameDirection.HostToReader
            ? (ThreeMMessageParser.TryParseRequest(frame, out var request, out problem) ? request : null)
            : (ThreeMMessageParser.TryParseResponse(frame, out var response, out problem) ? response : null);
        if (!frame.CrcValid)
        {
            problem = $"CRC mismatch: the frame carries {Hex4(frame.CarriedCrc)} but its bytes give {Hex4(frame.ComputedCrc)} (CRC-16/GENIBUS over the bytes after the start byte)";
        }

        return new ReaderFrameExplanation
        {
            Protocol = "3m",
            From = from,
            CrcValid = frame.CrcValid,
            CarriedCrc = Hex4(frame.CarriedCrc),
            ComputedCrc = Hex4(frame.ComputedCrc),
            Command = Hex2(frame.Command),
            CommandName = CommandName(frame),
            Status = frame.Error is { } error ? Hex2((byte)error) : null,
            StatusMeaning = frame.Error is { } code ? ThreeMErrorText.Describe(code) : null,
            Header = [new("startByte", Hex2(frame.StartByte)), new("length", bytes.Length)],
            MessageType = message?.GetType().Name,
            Message = message is null ? null : ReaderMessageFields.Of(message),
            Problem = problem,
        };
    }

    private static string CommandName(ThreeMFrame frame) => frame.StartByte switch
    {
        0xD6 when Enum.IsDefined((ThreeMCommand)frame.Command) => ((ThreeMCommand)frame.Command).ToString(),

        // The D5 probe Biblio-RFID's 3M810.pm sends first, D5 00 05 04 00 11, and a real 810's reply: Reader Version in
        // an envelope the specification does not document.
        0xD5 when frame.Command == 0x04 => "HardwareVersion (D5 probe)",
        _ => "not decoded by this tool",
    };

    private static string Hex2(byte value) => value.ToString("X2", CultureInfo.InvariantCulture);

    private static string Hex4(ushort value) => value.ToString("X4", CultureInfo.InvariantCulture);
}
