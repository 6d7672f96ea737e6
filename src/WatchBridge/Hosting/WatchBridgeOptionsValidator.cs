using KubeBind.Queues;
using Microsoft.Extensions.Options;

namespace KubeBind.WatchBridge.Hosting;

/// <summary>Checks <see cref="WatchBridgeOptions"/> at start-up, naming the setting and what is wrong with it.</summary>
internal sealed class WatchBridgeOptionsValidator : IValidateOptions<WatchBridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, WatchBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Kubernetes.Kubeconfig) && !File.Exists(options.Kubernetes.Kubeconfig))
        {
            failures.Add($"Kubernetes:Kubeconfig: the file '{Path.GetFullPath(options.Kubernetes.Kubeconfig)}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.AzureWebJobsStorage))
        {
            failures.Add($"AzureWebJobsStorage: a Storage connection string is required ('{WatchBridgeOptions.DevelopmentStorage}' for Azurite).");
        }
        else
        {
            try
            {
                StorageConnectionString.Parse(options.AzureWebJobsStorage);
            }
            catch (FormatException e)
            {
                // The parser's message names the faulty part and never echoes the key.
                failures.Add($"AzureWebJobsStorage: {e.Message}");
            }
        }

        if (options.ResyncPeriod <= TimeSpan.Zero)
        {
            failures.Add($"ResyncPeriod: must be positive, got {options.ResyncPeriod}.");
        }

        if (options.Workers < 1)
        {
            failures.Add($"Workers: must be at least 1, got {options.Workers}.");
        }

        ValidateLease(options.Lease, failures);
        if (!TryParseHealthUrl(options.HealthUrl, out _, out var error))
        {
            failures.Add($"HealthUrl: {error}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses the health URL: <c>http://host:port</c> with an IP address, <c>localhost</c>, <c>*</c> or <c>+</c>.</summary>
    public static bool TryParseHealthUrl(string? url, out (string Host, int Port) endpoint, out string error)
    {
        endpoint = default;
        // Uri rejects the wildcard hosts Kestrel accepts, so those are read as 0.0.0.0.
        var normalized = url?.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            error = $"must be an absolute http:// URL such as http://127.0.0.1:8090, got '{url}'.";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            error = $"must not have a path or query (the endpoints are /healthz, /readyz and /metrics), got '{url}'.";
            return false;
        }

        if (uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) && !uri.IsLoopback)
        {
            error = $"the host must be an IP address or localhost, got '{uri.Host}'.";
            return false;
        }

        endpoint = (uri.Host, uri.Port);
        error = string.Empty;
        return true;
    }

    private static void ValidateLease(LeaseOptions lease, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(lease.Namespace))
        {
            failures.Add("Lease:Namespace: is required.");
        }

        if (string.IsNullOrWhiteSpace(lease.Name))
        {
            failures.Add("Lease:Name: is required.");
        }

        // The invariants client-go's leader election enforces (its jitter factor is 1.2).
        if (lease.RetryPeriod <= TimeSpan.Zero)
        {
            failures.Add($"Lease:RetryPeriod: must be positive, got {lease.RetryPeriod}.");
        }
        else if (lease.RenewDeadline <= lease.RetryPeriod * 1.2)
        {
            failures.Add($"Lease:RenewDeadline: must be more than 1.2 × Lease:RetryPeriod ({lease.RetryPeriod}), got {lease.RenewDeadline}.");
        }

        if (lease.Duration <= lease.RenewDeadline)
        {
            failures.Add($"Lease:Duration: must be more than Lease:RenewDeadline ({lease.RenewDeadline}), got {lease.Duration}.");
        }
    }
}
