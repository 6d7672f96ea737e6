using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting;
using KubeBind.Queues;
using KubeBind.Queues.Listening;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions;

/// <summary>Checks <see cref="FunctionsOptions"/> at start-up, so a bad setting stops the app with a message naming it.</summary>
internal sealed class FunctionsOptionsValidator : IValidateOptions<FunctionsOptions>
{
    private readonly FunctionCatalog _catalog;

    public FunctionsOptionsValidator(FunctionCatalog catalog) => _catalog = catalog;

    public ValidateOptionsResult Validate(string? name, FunctionsOptions options)
    {
        var failures = new List<string>();
        if (options.CustomHandlerPort is < 0 or > 65535)
        {
            failures.Add($"{FunctionsOptions.CustomHandlerPortKey}={options.CustomHandlerPort} is not a TCP port (0-65535).");
        }

        if (!Uri.TryCreate(options.StandaloneUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/")
        {
            failures.Add($"StandaloneUrl='{options.StandaloneUrl}' must be an http URL without a path, like http://127.0.0.1:7071.");
        }

        try
        {
            StorageConnectionString.Parse(options.AzureWebJobsStorage ?? "");
        }
        catch (FormatException e)
        {
            // The parser's message never contains the account key.
            failures.Add($"AzureWebJobsStorage: {e.Message} (e.g. {FunctionsOptions.DevelopmentStorage} for Azurite).");
        }

        var kubernetes = options.Kubernetes;
        if (kubernetes.InCluster && !string.IsNullOrEmpty(kubernetes.Kubeconfig))
        {
            failures.Add("Kubernetes:InCluster and Kubernetes:Kubeconfig are both set; choose one.");
        }
        else if (!string.IsNullOrEmpty(kubernetes.Kubeconfig) && !File.Exists(kubernetes.Kubeconfig))
        {
            failures.Add($"Kubernetes:Kubeconfig='{kubernetes.Kubeconfig}' does not exist.");
        }

        var hostJson = options.ResolveHostJsonPath();
        if (!string.IsNullOrEmpty(options.HostJsonPath) && !File.Exists(hostJson))
        {
            failures.Add($"HostJsonPath='{options.HostJsonPath}' does not exist.");
        }
        else if (options.Mode == FunctionsMode.Standalone && _catalog.QueueFunctions.Any())
        {
            if (hostJson is null)
            {
                failures.Add($"No host.json next to {AppContext.BaseDirectory} or at the repository root; standalone mode reads its queue settings. Set HostJsonPath.");
            }
            else
            {
                try
                {
                    // The bridge and requeue copies are always base64, as the Functions host expects by default.
                    if (HostJsonQueueSettings.Read(hostJson).MessageEncoding != QueueMessageEncoding.Base64)
                    {
                        failures.Add($"HostJsonPath: {hostJson} sets extensions.queues.messageEncoding to something other than base64; the watch bridge sends base64, so every message would be unreadable.");
                    }
                }
                catch (FormatException e)
                {
                    failures.Add($"HostJsonPath: {e.Message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
