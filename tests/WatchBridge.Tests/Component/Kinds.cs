using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.WatchBridge.Tests.Component;

/// <summary>Typed clients for the kinds the tests arrange.</summary>
internal static class Kinds
{
    public static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    public static ResourceClient<ApiServiceExportRequest> Requests(this KubernetesClient client) =>
        client.Resource(new GroupVersionResource(Group.Name, Group.V1Alpha2, ApiServiceExportRequest.Resource), ApiJson.TypeInfo<ApiServiceExportRequest>());

    public static ResourceClient<ApiServiceExport> Exports(this KubernetesClient client) =>
        client.Resource(new GroupVersionResource(Group.Name, Group.V1Alpha2, ApiServiceExport.Resource), ApiJson.TypeInfo<ApiServiceExport>());

    public static ResourceClient<BoundSchema> BoundSchemas(this KubernetesClient client) =>
        client.Resource(new GroupVersionResource(Group.Name, Group.V1Alpha2, BoundSchema.Resource), ApiJson.TypeInfo<BoundSchema>());

    public static ResourceClient<JsonObject> CustomResourceDefinitions(this KubernetesClient client) => client.Resource(Crds);
}
