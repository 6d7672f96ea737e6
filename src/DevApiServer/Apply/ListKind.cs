namespace KubeBind.DevApiServer.Apply;

/// <summary>The granular list types of x-kubernetes-list-type (atomic lists are leaves).</summary>
internal enum ListKind
{
    /// <summary>x-kubernetes-list-type: set — items are scalars identified by value.</summary>
    Set,

    /// <summary>x-kubernetes-list-type: map — items are objects identified by their key fields.</summary>
    Map,
}
