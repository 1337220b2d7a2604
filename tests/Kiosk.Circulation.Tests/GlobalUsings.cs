// The circulation core's owners live in folders of their own; the tests use their shared types throughout.
global using Kiosk.Circulation.Availability;
global using Kiosk.Circulation.Pad;
global using Kiosk.Circulation.Sessions;
global using Kiosk.Circulation.Staff;
global using Kiosk.Circulation.Transactions;
