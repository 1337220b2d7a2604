using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;
using KioskController.Simulation;

namespace KioskController.Web;

/// <summary>
/// The simulator control API of the default run: a person (or a test) places and lifts books on the simulated pad.
/// Mapped only when the simulators run; a real kiosk has no such endpoint.
/// </summary>
internal static class SimulatorControlEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorControl(this IEndpointRouteBuilder endpoints)
    {
        // One line of the runner's console language: "place TV0001 [loaned] [part K/N]", "remove TV0001", "list", "clear".
        endpoints.MapPost("/sim/api/reader", async (HttpRequest request, EmbeddedReaderSetup reader) =>
        {
            using var body = new StreamReader(request.Body);
            var line = await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            var console = new RfidFieldConsole(reader.Field, LibraryTagModel.Iso28560Part2, SecurityAfi.Common);
            return Results.Text(console.Execute(line));
        });
        // The printer: "paper-end", "near-end", "cover", "offline" or "ready".
        endpoints.MapPost("/sim/api/printer", async (HttpRequest request, EmbeddedPrinterSetup printer) =>
        {
            using var body = new StreamReader(request.Body);
            var state = (await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)).Trim().ToLowerInvariant();
            var simulator = printer.Simulator;
            switch (state)
            {
                case "paper-end": simulator.PaperEnd = true; break;
                case "near-end": simulator.PaperNearEnd = true; break;
                case "cover": simulator.CoverOpen = true; break;
                case "offline": simulator.Offline = true; break;
                case "ready": (simulator.PaperEnd, simulator.PaperNearEnd, simulator.CoverOpen, simulator.Offline) = (false, false, false, false); break;
                default: return Results.BadRequest("Send one of: paper-end, near-end, cover, offline, ready.");
            }

            return Results.Text("Printer: " + state);
        });
        return endpoints;
    }
}
