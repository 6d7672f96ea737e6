using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.Schemas;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using LabelSelector = KubeBind.Kubernetes.Rest.LabelSelector;

namespace KubeBind.Functions.ExportRequests;

/// <summary>The CRD schema source: CustomResourceDefinitions labelled <c>kube-bind.io/exported=true</c>, converted as upstream's backend does.</summary>
internal sealed class CrdSchemaSource(KubernetesClient client, ILogger<CrdSchemaSource> logger) : ISchemaSource
{
    private static readonly string Selector = LabelSelector.Empty.Equal(Labels.Exported, Labels.True).ToString();

    private readonly ResourceClient<JsonObject> _crds = client.Resource(new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions"));

    public async Task<IReadOnlyList<BoundSchemaSpec>> ListExportedAsync(CancellationToken cancellationToken)
    {
        var list = await _crds.ListAsync(options: new ListOptions { LabelSelector = Selector }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var specs = new List<BoundSchemaSpec>(list.Items.Count);
        foreach (var crd in list.Items)
        {
            try
            {
                // Wrapped: upstream's generic conversion keeps {"openAPIV3Schema": …}, and konnectors expect exactly that.
                specs.Add(CrdConversion.ToBoundSchemaSpec(crd, SchemaShape.Wrapped));
            }
            catch (ArgumentException e)
            {
                // One unreadable CRD must not block requests for the others.
                ExportRequestLog.SchemaSkipped(logger, e, crd["metadata"]?["name"]?.GetValue<string>() ?? "");
            }
        }

        return specs;
    }
}
