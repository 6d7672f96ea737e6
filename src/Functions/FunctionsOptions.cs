using KubeBind.Functions.Hosting;

namespace KubeBind.Functions;

/// <summary>
/// Settings of the function app, bound from environment variables and the command line
/// (<c>--Kubernetes:Kubeconfig=...</c>, <c>Kubernetes__Kubeconfig=...</c>) and checked at start-up.
/// </summary>
internal sealed class FunctionsOptions
{
    /// <summary>The variable the Functions host sets to the port a custom handler must listen on.</summary>
    public const string CustomHandlerPortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Azurite's well-known development account, the Functions tooling's local default.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The port on 127.0.0.1 the Functions host forwards invocations to; set means custom-handler mode (0: any free port).</summary>
    [ConfigurationKeyName(CustomHandlerPortKey)]
    public int? CustomHandlerPort { get; set; }

    /// <summary>Which cluster the handlers work on.</summary>
    public KubernetesSettings Kubernetes { get; set; } = new();

    /// <summary>The Storage connection string, under the app-setting name the queue triggers use.</summary>
    public string AzureWebJobsStorage { get; set; } = DevelopmentStorage;

    /// <summary>Where standalone mode serves the HTTP functions (http only; port 0 picks a free one).</summary>
    public string StandaloneUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The host.json whose queue settings standalone mode follows; null looks next to the executable, then at the repository root.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>The mode these settings select.</summary>
    public FunctionsMode Mode => CustomHandlerPort is null ? FunctionsMode.Standalone : FunctionsMode.CustomHandler;

    /// <summary>The mode <paramref name="configuration"/> selects, before options are bound.</summary>
    public static FunctionsMode ModeOf(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[CustomHandlerPortKey]) ? FunctionsMode.Standalone : FunctionsMode.CustomHandler;

    /// <summary>The host.json to read: <see cref="HostJsonPath"/>, else the first one found; null when there is none.</summary>
    public string? ResolveHostJsonPath()
    {
        if (!string.IsNullOrEmpty(HostJsonPath))
        {
            return Path.GetFullPath(HostJsonPath);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "host.json");
            if (File.Exists(Path.Combine(dir.FullName, "KubeBind.Functions.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
