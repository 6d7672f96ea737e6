namespace KubeBind.DevApiServer.Schema;

/// <summary>Builds paths the way the two Kubernetes path styles print them.</summary>
internal static class FieldPath
{
    /// <summary>field.Path.Child and kube-openapi property paths: <c>spec.replicas</c>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>field.Path.Index and kube-openapi item paths: <c>spec.items[0]</c>.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>field.Path.Key: <c>spec.labels[app]</c>.</summary>
    public static string Key(string parent, string key) => parent + "[" + key + "]";

    /// <summary>Turns a kube-openapi error name into the field of the cause (one leading dot trimmed, prefix prepended).</summary>
    public static string FromOpenApiName(string prefix, string name)
    {
        var trimmed = name.StartsWith('.') ? name[1..] : name;
        if (prefix.Length == 0)
        {
            return trimmed;
        }

        return trimmed.Length == 0 ? prefix : prefix + "." + trimmed;
    }

    /// <summary>apiVersion, kind and metadata: kept unconditionally at a resource root and in embedded resources.</summary>
    public static bool IsMetaField(string name) => name is "apiVersion" or "kind" or "metadata";
}
