namespace Kiosk.Protocols.Sip2;

/// <summary>The SC's own state, sent in SC Status (spec, "status code").</summary>
public enum Sip2ScStatusCode
{
    /// <summary><c>0</c>: the SC is working.</summary>
    Ok = 0,

    /// <summary><c>1</c>: the SC's printer is out of paper.</summary>
    PrinterOutOfPaper = 1,

    /// <summary><c>2</c>: the SC is about to shut down.</summary>
    ShuttingDown = 2,
}
