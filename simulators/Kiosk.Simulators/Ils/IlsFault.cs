namespace Kiosk.Simulators.Ils;

/// <summary>The kinds of counted fault <see cref="IlsFaults"/> can inject.</summary>
internal enum IlsFault
{
    DropBeforeApplying,
    DropAfterApplying,
    CorruptChecksum,
    HalfWrite,
}
