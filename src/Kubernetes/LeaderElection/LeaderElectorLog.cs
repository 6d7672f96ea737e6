using Microsoft.Extensions.Logging;

namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>The leader elector's log lines, with stable event ids.</summary>
internal static partial class LeaderElectorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Identity} acquired lease {Namespace}/{Name}")]
    public static partial void Acquired(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Identity} stopped leading lease {Namespace}/{Name}: {Reason}")]
    public static partial void Stopped(ILogger logger, string identity, string @namespace, string name, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Lease {Namespace}/{Name} is held by {Holder}")]
    public static partial void NewLeader(ILogger logger, string @namespace, string name, string holder);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not acquire or renew lease {Namespace}/{Name}")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Lost the race for lease {Namespace}/{Name}: {Reason}")]
    public static partial void RaceLost(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Identity} released lease {Namespace}/{Name}")]
    public static partial void Released(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Could not release lease {Namespace}/{Name}; successors wait for it to expire")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "A leader election callback for lease {Namespace}/{Name} failed")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string @namespace, string name);
}
