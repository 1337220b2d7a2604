namespace Kiosk.Circulation;

/// <summary>The answer to a request of the screen: a value when it was carried out, otherwise the reason it was not.</summary>
/// <typeparam name="T">What a request carried out gives back.</typeparam>
/// <param name="Code">Carried out, or why not.</param>
/// <param name="Value">What it gave back, when carried out.</param>
public sealed record CirculationResult<T>(CirculationResultCode Code, T? Value)
{
    /// <summary>Whether the request was carried out.</summary>
    public bool IsOk => Code == CirculationResultCode.Ok;

}

/// <summary>Makes <see cref="CirculationResult{T}"/> values.</summary>
public static class CirculationResult
{
    /// <summary>A request carried out.</summary>
    public static CirculationResult<T> Ok<T>(T value) => new(CirculationResultCode.Ok, value);

    /// <summary>A request not carried out, for <paramref name="code"/>.</summary>
    public static CirculationResult<T> Not<T>(CirculationResultCode code) => new(code, default);
}
