using System.Net;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.ExportRequests;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Functions.Tests.ExportRequests;

/// <summary>The real store, with failures injected per operation (by method name) and calls counted.</summary>
internal sealed class FaultInjectingStore(IExportRequestStore inner) : IExportRequestStore
{
    private readonly Dictionary<string, int> _calls = [];

    /// <summary>Decides, per call, what to throw instead of calling the real store (null: nothing).</summary>
    public Func<string, Exception?> Fault { get; set; } = _ => null;

    public int Calls(string operation)
    {
        lock (_calls)
        {
            return _calls.GetValueOrDefault(operation);
        }
    }

    public static KubernetesApiException ApiError(HttpStatusCode code, string reason) =>
        new(code, new Status { Code = (int)code, Reason = reason, Message = $"injected {reason}" });

    public Task<ApiServiceExportRequest?> GetRequestAsync(string ns, string name, CancellationToken cancellationToken) =>
        Call(nameof(GetRequestAsync), () => inner.GetRequestAsync(ns, name, cancellationToken));

    public Task<ApiServiceExportRequest> UpdateRequestStatusAsync(ApiServiceExportRequest request, CancellationToken cancellationToken) =>
        Call(nameof(UpdateRequestStatusAsync), () => inner.UpdateRequestStatusAsync(request, cancellationToken));

    public Task DeleteRequestAsync(ApiServiceExportRequest request, CancellationToken cancellationToken) =>
        Call(nameof(DeleteRequestAsync), async () =>
        {
            await inner.DeleteRequestAsync(request, cancellationToken);
            return true;
        });

    public Task<ApiServiceExport?> GetExportAsync(string ns, string name, CancellationToken cancellationToken) =>
        Call(nameof(GetExportAsync), () => inner.GetExportAsync(ns, name, cancellationToken));

    public Task<ApiServiceExport> CreateExportAsync(ApiServiceExport export, CancellationToken cancellationToken) =>
        Call(nameof(CreateExportAsync), () => inner.CreateExportAsync(export, cancellationToken));

    public Task<BoundSchema?> GetBoundSchemaAsync(string ns, string name, CancellationToken cancellationToken) =>
        Call(nameof(GetBoundSchemaAsync), () => inner.GetBoundSchemaAsync(ns, name, cancellationToken));

    public Task<BoundSchema> CreateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken) =>
        Call(nameof(CreateBoundSchemaAsync), () => inner.CreateBoundSchemaAsync(boundSchema, cancellationToken));

    public Task<BoundSchema> UpdateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken) =>
        Call(nameof(UpdateBoundSchemaAsync), () => inner.UpdateBoundSchemaAsync(boundSchema, cancellationToken));

    public Task<ApiServiceNamespace?> GetApiServiceNamespaceAsync(string ns, string name, CancellationToken cancellationToken) =>
        Call(nameof(GetApiServiceNamespaceAsync), () => inner.GetApiServiceNamespaceAsync(ns, name, cancellationToken));

    public Task<ApiServiceNamespace> CreateApiServiceNamespaceAsync(ApiServiceNamespace apiServiceNamespace, CancellationToken cancellationToken) =>
        Call(nameof(CreateApiServiceNamespaceAsync), () => inner.CreateApiServiceNamespaceAsync(apiServiceNamespace, cancellationToken));

    private Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        lock (_calls)
        {
            _calls[operation] = _calls.GetValueOrDefault(operation) + 1;
        }

        return Fault(operation) is { } fault ? Task.FromException<T>(fault) : call();
    }
}
