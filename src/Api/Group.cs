using KubeBind.Kubernetes.Models;

namespace KubeBind.Api;

/// <summary>The kube-bind API group and its versions.</summary>
public static class Group
{
    /// <summary>The API group of every kube-bind type.</summary>
    public const string Name = "kube-bind.io";

    /// <summary>The version this project serves and stores.</summary>
    public const string V1Alpha2 = "v1alpha2";

    /// <summary>The apiVersion of v1alpha2 objects.</summary>
    public const string ApiVersion = Name + "/" + V1Alpha2;

    /// <summary>The v1alpha2 resource with this plural name, e.g. <c>apiserviceexportrequests</c>.</summary>
    public static GroupVersionResource Resource(string plural) => new(Name, V1Alpha2, plural);
}
