using KubeBind.Api.V1Alpha2;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.ExportRequests;

/// <summary>Normalises <see cref="ExportRequestOptions"/> as the backend's flags are, then rejects what is still invalid.</summary>
internal sealed class ExportRequestOptionsSetup : IPostConfigureOptions<ExportRequestOptions>, IValidateOptions<ExportRequestOptions>
{
    public void PostConfigure(string? name, ExportRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConsumerScope = Canonical(options.ConsumerScope, InformerScope.Namespaced, InformerScope.Cluster);
        options.Isolation = Canonical(options.Isolation, Isolation.Prefixed, Isolation.Namespaced, Isolation.None);

        // Upstream's aliases of the CRD source.
        if (options.SchemaSource is not null
            && (options.SchemaSource.Equals(ExportRequestOptions.CrdSchemaSource, StringComparison.OrdinalIgnoreCase)
                || options.SchemaSource.Equals("customresourcedefinitions", StringComparison.OrdinalIgnoreCase)))
        {
            options.SchemaSource = ExportRequestOptions.CrdSchemaSource;
        }
    }

    public ValidateOptionsResult Validate(string? name, ExportRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConsumerScope is not (InformerScope.Namespaced or InformerScope.Cluster))
        {
            failures.Add($"{ExportRequestOptions.SectionName}:ConsumerScope must be Namespaced or Cluster, not '{options.ConsumerScope}'.");
        }

        // Upstream turns any unknown isolation into None, silently un-isolating consumers; a typo should stop the start instead.
        if (options.Isolation is not (Isolation.Prefixed or Isolation.Namespaced or Isolation.None))
        {
            failures.Add($"{ExportRequestOptions.SectionName}:Isolation must be Prefixed, Namespaced or None, not '{options.Isolation}'.");
        }

        if (options.SchemaSource != ExportRequestOptions.CrdSchemaSource)
        {
            failures.Add($"{ExportRequestOptions.SectionName}:SchemaSource '{options.SchemaSource}' is not supported; only {ExportRequestOptions.CrdSchemaSource} (alias customresourcedefinitions) is.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Canonical(string? value, params string[] allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? value ?? "";
}
