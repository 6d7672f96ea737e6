using Microsoft.Extensions.Logging;

namespace KubeBind.Api.Crds;

/// <summary>The CRD installer's log lines, with stable event ids.</summary>
internal static partial class CrdInstallerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "CustomResourceDefinition {Name}: {Outcome}")]
    public static partial void Applied(ILogger logger, string name, CrdInstallOutcome outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Waiting for CustomResourceDefinition {Name} to be established")]
    public static partial void Waiting(ILogger logger, string name);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "CustomResourceDefinition {Name} is established")]
    public static partial void Established(ILogger logger, string name);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "CustomResourceDefinition {Name} exists and is incompatible, left untouched: {Problems}")]
    public static partial void Incompatible(ILogger logger, string name, string problems);
}
