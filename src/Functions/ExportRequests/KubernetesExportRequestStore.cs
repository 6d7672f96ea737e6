using KubeBind.Api;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Functions.ExportRequests;

/// <summary><see cref="IExportRequestStore"/> over our Kubernetes client, one live request per call.</summary>
internal sealed class KubernetesExportRequestStore(KubernetesClient client) : IExportRequestStore
{
    private readonly ResourceClient<ApiServiceExportRequest> _requests = client.ApiServiceExportRequests();
    private readonly ResourceClient<ApiServiceExport> _exports = client.ApiServiceExports();
    private readonly ResourceClient<BoundSchema> _boundSchemas = client.BoundSchemas();
    private readonly ResourceClient<ApiServiceNamespace> _namespaces = client.ApiServiceNamespaces();

    public Task<ApiServiceExportRequest?> GetRequestAsync(string ns, string name, CancellationToken cancellationToken) =>
        _requests.GetOrNullAsync(name, ns, cancellationToken);

    public Task<ApiServiceExportRequest> UpdateRequestStatusAsync(ApiServiceExportRequest request, CancellationToken cancellationToken) =>
        _requests.UpdateStatusAsync(request, cancellationToken: cancellationToken);

    public async Task DeleteRequestAsync(ApiServiceExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // The uid precondition keeps a pruning pass from deleting a newer request that reused the name.
            await _requests.DeleteAsync(request.Metadata.Name!, request.Metadata.Namespace, new DeleteOptions { PreconditionUid = request.Metadata.Uid }, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile (by the client or a concurrent pass): the goal is reached.
        }
    }

    public Task<ApiServiceExport?> GetExportAsync(string ns, string name, CancellationToken cancellationToken) =>
        _exports.GetOrNullAsync(name, ns, cancellationToken);

    public Task<ApiServiceExport> CreateExportAsync(ApiServiceExport export, CancellationToken cancellationToken) =>
        _exports.CreateAsync(export, cancellationToken: cancellationToken);

    public Task<BoundSchema?> GetBoundSchemaAsync(string ns, string name, CancellationToken cancellationToken) =>
        _boundSchemas.GetOrNullAsync(name, ns, cancellationToken);

    public Task<BoundSchema> CreateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken) =>
        _boundSchemas.CreateAsync(boundSchema, cancellationToken: cancellationToken);

    public Task<BoundSchema> UpdateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken) =>
        _boundSchemas.UpdateAsync(boundSchema, cancellationToken: cancellationToken);

    public Task<ApiServiceNamespace?> GetApiServiceNamespaceAsync(string ns, string name, CancellationToken cancellationToken) =>
        _namespaces.GetOrNullAsync(name, ns, cancellationToken);

    public Task<ApiServiceNamespace> CreateApiServiceNamespaceAsync(ApiServiceNamespace apiServiceNamespace, CancellationToken cancellationToken) =>
        _namespaces.CreateAsync(apiServiceNamespace, cancellationToken: cancellationToken);


}
