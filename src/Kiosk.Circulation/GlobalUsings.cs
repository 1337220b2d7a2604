// The circulation core's folders name its owners (the pad, the sessions, the transactions, availability, staff); the
// types they share, such as outcomes and refusal reasons, are used across all of them.
global using Kiosk.Circulation.Availability;
global using Kiosk.Circulation.Pad;
global using Kiosk.Circulation.Sessions;
global using Kiosk.Circulation.Staff;
global using Kiosk.Circulation.Transactions;
