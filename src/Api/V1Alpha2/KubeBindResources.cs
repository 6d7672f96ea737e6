using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Typed clients of the kube-bind.io/v1alpha2 kinds, serialized with <see cref="ApiJson.Options"/>.</summary>
public static class KubeBindResources
{
    /// <summary>The typed client of ApiServiceExportRequest objects.</summary>
    public static ResourceClient<ApiServiceExportRequest> ApiServiceExportRequests(this KubernetesClient client) => For<ApiServiceExportRequest>(client, ApiServiceExportRequest.Resource);

    /// <summary>The typed client of ApiServiceExport objects.</summary>
    public static ResourceClient<ApiServiceExport> ApiServiceExports(this KubernetesClient client) => For<ApiServiceExport>(client, ApiServiceExport.Resource);

    /// <summary>The typed client of BoundSchema objects.</summary>
    public static ResourceClient<BoundSchema> BoundSchemas(this KubernetesClient client) => For<BoundSchema>(client, BoundSchema.Resource);

    /// <summary>The typed client of ApiServiceNamespace objects.</summary>
    public static ResourceClient<ApiServiceNamespace> ApiServiceNamespaces(this KubernetesClient client) => For<ApiServiceNamespace>(client, ApiServiceNamespace.Resource);

    /// <summary>The typed client of ClusterBinding objects.</summary>
    public static ResourceClient<ClusterBinding> ClusterBindings(this KubernetesClient client) => For<ClusterBinding>(client, ClusterBinding.Resource);

    /// <summary>The typed client of ApiServiceExportTemplate objects.</summary>
    public static ResourceClient<ApiServiceExportTemplate> ApiServiceExportTemplates(this KubernetesClient client) => For<ApiServiceExportTemplate>(client, ApiServiceExportTemplate.Resource);

    /// <summary>The typed client of Collection objects.</summary>
    public static ResourceClient<Collection> Collections(this KubernetesClient client) => For<Collection>(client, Collection.Resource);

    /// <summary>The typed client of Cluster objects.</summary>
    public static ResourceClient<Cluster> Clusters(this KubernetesClient client) => For<Cluster>(client, Cluster.Resource);

    /// <summary>The typed client of BindableResourcesRequest objects.</summary>
    public static ResourceClient<BindableResourcesRequest> BindableResourcesRequests(this KubernetesClient client) => For<BindableResourcesRequest>(client, BindableResourcesRequest.Resource);

    /// <summary>The typed client of ApiServiceBinding objects.</summary>
    public static ResourceClient<ApiServiceBinding> ApiServiceBindings(this KubernetesClient client) => For<ApiServiceBinding>(client, ApiServiceBinding.Resource);

    /// <summary>The typed client of ApiServiceBindingBundle objects.</summary>
    public static ResourceClient<ApiServiceBindingBundle> ApiServiceBindingBundles(this KubernetesClient client) => For<ApiServiceBindingBundle>(client, ApiServiceBindingBundle.Resource);

    private static ResourceClient<T> For<T>(KubernetesClient client, string plural)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Resource(Group.Resource(plural), ApiJson.TypeInfo<T>());
    }
}
