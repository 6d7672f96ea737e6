using System.Text.Json.Nodes;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;

namespace KubeBind.WatchBridge.Tests.Component;

/// <summary>Clients for the kinds the tests arrange that KubeBind.Api has no typed client for.</summary>
internal static class Kinds
{
    public static ResourceClient<JsonObject> CustomResourceDefinitions(this KubernetesClient client) => client.Resource(ProviderSetup.Crds);
}
