// The host's folders are its roles (Api, Bridges, Hosting, Receipts…); its types are used across them.
global using Kiosk.Circulation;
global using Kiosk.Circulation.Pad;
global using Kiosk.Circulation.Sessions;
global using Kiosk.Circulation.Transactions;
global using KioskController.Api.Live;
global using KioskController.Api.Session;
global using KioskController.Api.Staff;
global using KioskController.Api.Status;
global using KioskController.Bridges;
global using KioskController.Commands;
global using KioskController.Hosting;
global using KioskController.Receipts;
global using KioskController.Scanning;
global using KioskController.Simulation;
