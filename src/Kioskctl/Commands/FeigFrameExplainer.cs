using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Globalization;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kioskctl.Commands;

/// <summary>Explains one FEIG frame for <c>kioskctl decode feig</c>.</summary>
internal static class FeigFrameExplainer
{
    public static ReaderFrameExplanation Explain(byte[] bytes, FrameDirection direction, FeigRequest? request)
    {
        var from = direction == FrameDirection.HostToReader ? "host" : "reader";
        if (!FeigFrame.TryParse(bytes, direction, out var frame, out var problem))
        {
            return new ReaderFrameExplanation { Protocol = "feig", From = from, Problem = problem };
        }

        var explanation = new ReaderFrameExplanation
        {
            Protocol = "feig",
            From = from,
            CrcValid = frame.CrcValid,
            CarriedCrc = Hex4(frame.CarriedCrc),
            ComputedCrc = Hex4(frame.ComputedCrc),
            Command = Hex2(frame.Command),
            CommandName = CommandName(frame),
            Status = frame.Status is { } status ? Hex2((byte)status) : null,
            StatusMeaning = frame.Status is { } meaning ? FeigStatusText.Describe(meaning) : null,
            Header =
            [
                new("format", frame.Format == FeigFrameFormat.Standard ? "standard" : "advanced"),
                new("address", Hex2(frame.Address)),
                new("length", bytes.Length),
            ],
        };

        object? message;
        if (direction == FrameDirection.HostToReader)
        {
            message = FeigMessageParser.TryParseRequest(frame, out var parsed, out problem) ? parsed : null;
        }
        else
        {
            message = FeigMessageParser.TryParseResponse(frame, request, out var parsed, out problem) ? parsed : null;
            if (parsed is FeigStatusResponse { Command: (byte)FeigCommand.IsoStandardHostCommand } raw && request is null && !raw.Data.IsEmpty)
            {
                explanation = explanation with { StatusMeaning = explanation.StatusMeaning + "; pass --request with the host frame to decode the data" };
            }

            if (parsed?.IsoError is { } isoError)
            {
                explanation = explanation with { StatusMeaning = $"{explanation.StatusMeaning}: {Hex2(isoError)} {FeigStatusText.DescribeIsoError(isoError)}" };
            }
        }

        if (!frame.CrcValid)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"CRC mismatch: the frame carries {Hex4(frame.CarriedCrc)} but its bytes give {Hex4(frame.ComputedCrc)} (CRC-16/MCRF4XX, low byte first)");
        }

        return explanation with
        {
            MessageType = message?.GetType().Name,
            Message = message is null ? null : ReaderMessageFields.Of(message),
            Problem = problem,
        };
    }

    public static bool TryReadRequest(byte[] bytes, [NotNullWhen(true)] out FeigRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (!FeigFrame.TryParse(bytes, FrameDirection.HostToReader, out var frame, out problem))
        {
            problem = "--request: " + problem;
            return false;
        }

        if (!FeigMessageParser.TryParseRequest(frame, out request, out problem))
        {
            problem = "--request: " + problem;
            return false;
        }

        return true;
    }

    private static string CommandName(FeigFrame frame) => (FeigCommand)frame.Command switch
    {
        FeigCommand.BaudRateDetection => "Baud Rate Detection",
        FeigCommand.CpuReset => "CPU Reset",
        FeigCommand.GetSoftwareVersion => "Get Software Version",
        FeigCommand.GetReaderInfo => "Get Reader Info",
        FeigCommand.RfReset => "RF Reset",
        FeigCommand.RfOutput => "RF Output ON/OFF",
        FeigCommand.IsoStandardHostCommand => "ISO Standard Host Command",
        FeigCommand.IsoCustomHostCommand => "ISO 15693 Custom Command",
        _ => "not decoded by this tool",
    };

    private static string Hex2(byte value) => value.ToString("X2", CultureInfo.InvariantCulture);

    private static string Hex4(ushort value)
    {
        // Shown as on the wire: low byte first.
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Convert.ToHexString(bytes);
    }
}
