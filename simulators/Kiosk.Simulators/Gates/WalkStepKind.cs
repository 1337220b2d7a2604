namespace Kiosk.Simulators.Gates;

/// <summary>What happens at one step of a walk.</summary>
public enum WalkStepKind
{
    /// <summary>A body starts blocking a beam.</summary>
    BeamBlocked,

    /// <summary>A body stops blocking a beam.</summary>
    BeamCleared,

    /// <summary>The walker's tags enter the antenna field.</summary>
    TagsEnterField,

    /// <summary>The walker's tags leave the antenna field.</summary>
    TagsLeaveField,
}
