using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// The simulator control API of a simulated run: a person (or a test) places and lifts books on the simulated pad, cuts
/// the ILS or the broker, walks through the gate. Each simulator's endpoints are mapped only when it runs; a real kiosk
/// has none of them.
/// </summary>
internal static class SimulatorControlEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorControl(this IEndpointRouteBuilder endpoints)
    {
        var registered = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        bool Has<T>() => registered.IsService(typeof(T));

        if (Has<EmbeddedReaderSetup>())
        {
            // One line of the runner's console language: "place TV0001 [loaned] [part K/N]", "remove TV0001", "list", "clear".
            endpoints.MapPost("/sim/api/reader", async (HttpRequest request, EmbeddedReaderSetup reader) =>
            {
                using var body = new StreamReader(request.Body);
                var line = await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                var console = new RfidFieldConsole(reader.Field, LibraryTagModel.Iso28560Part2, SecurityAfi.Common);
                return Results.Text(console.Execute(line));
            });
        }

        if (Has<EmbeddedReaderSetup>())
        {
            // The pad reader's tags: "stuck" makes every security write fail verification (a tag that will not switch, so
            // the kiosk retries, then lists the item for staff); "ok" clears every injected fault.
            endpoints.MapPost("/sim/api/reader/faults", async (HttpRequest request, EmbeddedReaderService reader) =>
            {
                using var body = new StreamReader(request.Body);
                var action = (await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)).Trim().ToLowerInvariant();
                if (reader.Faults is not { } faults)
                {
                    return Results.Problem("The pad reader simulator is not plugged in yet; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                switch (action)
                {
                    case "stuck": faults.FailWrites(int.MaxValue); return Results.Text("Pad tags: security writes fail");
                    case "ok": faults.Clear(); return Results.Text("Pad tags: working");
                    default: return Results.BadRequest("Send stuck or ok.");
                }
            });
        }

        if (Has<EmbeddedPrinterSetup>())
        {
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
        }

        if (Has<EmbeddedReaderSetup>())
        {
            // The pad, for the panel: {"action": "place" | "remove" | "clear", "item": "TV0001", "part": 1}. The same tag
            // comes back each time, with the AFI the kiosk last gave it.
            endpoints.MapPost("/sim/api/pad", async (PadAction action, SimulatedShelf shelf, CancellationToken cancellationToken) =>
            {
                try
                {
                    switch (action.Action)
                    {
                        case "place":
                            var tag = await shelf.PlaceAsync(action.Item ?? string.Empty, action.Part ?? 1, cancellationToken).ConfigureAwait(false);
                            return Results.Ok(new { placed = action.Item, part = action.Part ?? 1, uid = tag.Uid.ToString() });
                        case "remove":
                            return Results.Ok(new { removed = shelf.Remove(action.Item ?? string.Empty, action.Part ?? 1) });
                        case "clear":
                            shelf.Clear();
                            return Results.Ok(new { cleared = true });
                        default:
                            return Results.BadRequest(new { error = "action must be place, remove or clear" });
                    }
                }
                catch (ArgumentException ex)
                {
                    return Results.BadRequest(new { error = ex.Message });
                }
            });
        }

        if (Has<SimulatedShelf>())
        {
            // What the panel offers: the sample books and cards of the embedded ILS, with where each book is now; against a
            // library's own ILS, the books placed so far (the panel places any item id the ILS knows) and no cards.
            endpoints.MapGet("/sim/api/catalogue", (SimulatedShelf shelf, IServiceProvider services) =>
            {
                if (services.GetService<EmbeddedIlsService>() is not { } ils)
                {
                    return Results.Ok(new
                    {
                        items = shelf.Known.Select(item => new
                        {
                            id = item.Identifier,
                            title = item.Title,
                            author = (string?)null,
                            parts = item.Parts,
                            onLoan = item.OnLoan,
                            onPad = Enumerable.Range(1, item.Parts).Where(part => shelf.IsOnPad(item.Identifier, part)).ToArray(),
                            secured = Enumerable.Range(1, item.Parts).Select(part => shelf.AfiOf(item.Identifier, part) is { } afi ? afi == SecurityAfi.Common.Secured : (bool?)null).ToArray(),
                        }),
                        patrons = Array.Empty<object>(),
                        ilsUp = true,
                        ilsSimulated = false,
                    });
                }

                var library = ils.Simulator?.Library;
                if (library is null)
                {
                    return Results.Problem("The embedded ILS has not started yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                return Results.Ok(new
                {
                    items = library.Items.Select(item => new
                    {
                        id = item.Identifier,
                        title = item.Title,
                        author = item.Author,
                        parts = item.Parts,
                        onLoan = item.BorrowerIdentifier is not null,
                        onPad = Enumerable.Range(1, item.Parts).Where(part => shelf.IsOnPad(item.Identifier, part)).ToArray(),
                        secured = Enumerable.Range(1, item.Parts).Select(part => shelf.AfiOf(item.Identifier, part) is { } afi ? afi == SecurityAfi.Common.Secured : (bool?)null).ToArray(),
                    }),

                    // Sample cards only: this panel exists in the simulated run alone, and these are the simulator's fixtures.
                    patrons = library.Patrons.Select(patron => new { id = patron.Identifier, name = patron.Name, pin = patron.Pin, blocked = patron.Blocks != 0 }),
                    ilsUp = !ils.IsCut,
                    ilsSimulated = true,
                });
            });
        }

        if (Has<EmbeddedIlsService>())
        {
            // Cut the ILS link (the simulator stops listening and drops its connections) or bring it back.
            endpoints.MapPost("/sim/api/ils", async (HttpRequest request, EmbeddedIlsService ils) =>
            {
                using var body = new StreamReader(request.Body);
                var action = (await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)).Trim().ToLowerInvariant();
                switch (action)
                {
                    case "cut": await ils.CutAsync(request.HttpContext.RequestAborted).ConfigureAwait(false); return Results.Text("ILS: cut");
                    case "restore": await ils.RestoreAsync(request.HttpContext.RequestAborted).ConfigureAwait(false); return Results.Text("ILS: restored");
                    default: return Results.BadRequest("Send cut or restore.");
                }
            });
        }

        if (Has<EmbeddedScannerSetup>())
        {
            // The barcode scanner: the body is the code, sent down the scanner's pty like a real scan.
            endpoints.MapPost("/sim/api/scanner", async (HttpRequest request, EmbeddedScannerSetup scanner) =>
            {
                using var body = new StreamReader(request.Body);
                var code = (await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)).Trim();
                if (code.Length == 0 || code.Any(char.IsControl))
                {
                    return Results.BadRequest("Send the barcode as the body: printable characters, no line breaks.");
                }

                await scanner.Simulator.ScanAsync(code, request.HttpContext.RequestAborted).ConfigureAwait(false);
                return Results.Text("Scanned " + code);
            });
        }

        if (Has<EmbeddedGateSetup>())
        {
            // The exit gate: walk someone through it, and see what it did (counts, alarms with titles, the light).
            endpoints.MapPost("/sim/api/gate", async (GateWalkRequest walk, EmbeddedGateSetup gate, SimulatedShelf shelf, CancellationToken cancellationToken) =>
            {
                var speed = walk.Speed is > 0.2 and < 5 ? walk.Speed.Value : 1.4;
                var direction = string.Equals(walk.Direction, "in", StringComparison.OrdinalIgnoreCase) ? Kiosk.Devices.Gates.GateDirection.In : Kiosk.Devices.Gates.GateDirection.Out;
                try
                {
                    SimulatedTag[] carried = walk.Item is null ? [] : [await shelf.TagForAsync(walk.Item, cancellationToken: cancellationToken).ConfigureAwait(false)];
                    IReadOnlyList<Kiosk.Simulators.Gates.Walker> walkers = walk.Scenario?.ToLowerInvariant() switch
                    {
                        "one" => Kiosk.Simulators.Gates.WalkScenarios.OneWalker(speed, carried, direction),
                        "turnback" => Kiosk.Simulators.Gates.WalkScenarios.TurnBack(speed, carried, direction),
                        "two" => Kiosk.Simulators.Gates.WalkScenarios.TwoClose(speed, new Kiosk.Simulators.Gates.GateGeometry(), direction: direction),
                        "trolley" => Kiosk.Simulators.Gates.WalkScenarios.Trolley(speed).Walkers,
                        _ => throw new ArgumentException("scenario must be one, two, turnback or trolley"),
                    };
                    await gate.Walks.PlayAsync(Kiosk.Simulators.Gates.WalkThroughSimulator.Plan(walkers, new Kiosk.Simulators.Gates.GateGeometry()), cancellationToken).ConfigureAwait(false);
                    return Results.Ok(new { walked = walk.Scenario, walkers = walkers.Count });
                }
                catch (ArgumentException ex)
                {
                    return Results.BadRequest(new { error = ex.Message });
                }
            });
        }

        if (Has<EmbeddedGateSetup>())
        {
            endpoints.MapGet("/sim/api/gate", (GateEventForwarder activity, EmbeddedGateSetup gate) => Results.Ok(new
            {
                activity = activity.Activity,

                // The light is active-low on the embedded pin map (pin 17): on while the line is low.
                lightOn = gate.Driver.LevelOf(17) == System.Device.Gpio.PinValue.Low,
            }));
        }

        // Cut the MQTT broker (the embedded one stops listening, as a network outage would) or bring it back: events
        // wait in the outbox meanwhile and are delivered, in order, when it returns.
        endpoints.MapPost("/sim/api/broker", async (HttpRequest request, IServiceProvider services) =>
        {
            if (services.GetService<Kiosk.Events.Broker.EmbeddedBroker>() is not { } broker)
            {
                return Results.BadRequest("This run has no embedded broker (Kiosk:EmbeddedBroker:Enabled is false).");
            }

            using var body = new StreamReader(request.Body);
            switch ((await body.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)).Trim().ToLowerInvariant())
            {
                case "cut": await broker.StopAsync(request.HttpContext.RequestAborted).ConfigureAwait(false); return Results.Text("Broker: cut");
                case "restore": await broker.StartAsync(request.HttpContext.RequestAborted).ConfigureAwait(false); return Results.Text("Broker: restored");
                default: return Results.BadRequest("Send cut or restore.");
            }
        });

        if (Has<EmbeddedPrinterSetup>())
        {
            // Printed receipts, newest first, each as its text and a PNG of the paper.
            endpoints.MapGet("/sim/api/receipts", (EmbeddedPrinterSetup printer) => Results.Ok(
                Directory.EnumerateFiles(printer.OutputDirectory, "receipt-*.png")
                    .Select(Path.GetFileNameWithoutExtension)
                    .OrderDescending(StringComparer.Ordinal)
                    .Select(name => new
                    {
                        name,
                        image = $"/sim/receipts/{name}.png",
                        text = File.Exists(Path.Combine(printer.OutputDirectory, name + ".txt")) ? File.ReadAllText(Path.Combine(printer.OutputDirectory, name + ".txt")) : string.Empty,
                    })));
        }

        if (Has<EmbeddedPrinterSetup>())
        {
            endpoints.MapGet("/sim/receipts/{name:regex(^receipt-[0-9]{{4,}}\\.png$)}", (string name, EmbeddedPrinterSetup printer) =>
            {
                var path = Path.Combine(printer.OutputDirectory, name);
                return File.Exists(path) ? Results.File(path, "image/png") : Results.NotFound();
            });
        }

        return endpoints;
    }
}
