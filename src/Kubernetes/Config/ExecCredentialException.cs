namespace KubeBind.Kubernetes.Config;

/// <summary>An exec credential plugin that could not be run or gave unusable output.</summary>
public sealed class ExecCredentialException : Exception
{
    /// <summary>Creates the exception; the message names the command and ends with the install hint.</summary>
    public ExecCredentialException(string command, string problem, int? exitCode = null, string? standardError = null, string? installHint = null, Exception? innerException = null)
        : base(Format(command, problem, standardError, installHint), innerException)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
        InstallHint = installHint;
    }

    /// <summary>The plugin's command.</summary>
    public string Command { get; }

    /// <summary>The exit code, when the plugin ran to completion.</summary>
    public int? ExitCode { get; }

    /// <summary>The (truncated) standard error of the plugin.</summary>
    public string? StandardError { get; }

    /// <summary>The kubeconfig's <c>installHint</c> for the plugin.</summary>
    public string? InstallHint { get; }

    private static string Format(string command, string problem, string? standardError, string? installHint)
    {
        var message = $"exec plugin \"{command}\": {problem}";
        if (!string.IsNullOrWhiteSpace(standardError))
        {
            message += $"; stderr: {standardError.Trim()}";
        }

        return string.IsNullOrWhiteSpace(installHint) ? message : $"{message}\n\n{installHint.Trim()}";
    }
}
