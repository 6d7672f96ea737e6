namespace KubeBind.DevApiServer.Http;

/// <summary>
/// A request URL decoded the way kube-apiserver's RequestInfoFactory does: API prefix, group, version,
/// namespace, resource, name, subresource and the Kubernetes verb.
/// </summary>
internal sealed record RequestInfo
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    public bool IsResourceRequest { get; init; }

    public string Path { get; init; } = "/";

    public required string Verb { get; init; }

    public string Group { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string Resource { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Subresource { get; init; } = string.Empty;

    /// <summary>More path segments than a resource URL can have.</summary>
    public bool TooManyParts { get; init; }

    public static RequestInfo Parse(string method, string path, bool watchParameter)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var httpVerb = method.ToLowerInvariant();
        var nonResource = new RequestInfo { Verb = httpVerb, Path = path };
        if (parts.Length == 0 || parts[0] is not ("api" or "apis"))
        {
            return nonResource;
        }

        string group;
        string version;
        int rest;
        if (parts[0] == "api")
        {
            if (parts.Length < 2)
            {
                return nonResource;
            }

            (group, version, rest) = (string.Empty, parts[1], 2);
        }
        else
        {
            if (parts.Length < 3)
            {
                return nonResource;
            }

            (group, version, rest) = (parts[1], parts[2], 3);
        }

        var current = parts[rest..];
        if (current.Length == 0)
        {
            return nonResource;
        }

        var verb = method switch
        {
            "POST" => "create",
            "GET" or "HEAD" => "get",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => httpVerb,
        };

        // The deprecated /watch/ path prefix.
        if (current[0] == "watch" && current.Length > 1)
        {
            verb = "watch";
            current = current[1..];
        }

        var ns = string.Empty;
        if (current[0] == "namespaces" && current.Length > 1)
        {
            ns = current[1];
            if (current.Length > 2 && !NamespaceSubresources.Contains(current[2]))
            {
                current = current[2..];
            }
        }

        var resource = current[0];
        var name = current.Length > 1 ? current[1] : string.Empty;
        var subresource = current.Length > 2 ? current[2] : string.Empty;
        if (name.Length == 0 && verb == "get")
        {
            verb = watchParameter ? "watch" : "list";
        }
        else if (name.Length > 0 && verb == "get" && watchParameter)
        {
            verb = "watch";
        }
        else if (name.Length == 0 && verb == "delete")
        {
            verb = "deletecollection";
        }

        return new RequestInfo
        {
            IsResourceRequest = true,
            Path = path,
            Verb = verb,
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = resource,
            Name = name,
            Subresource = subresource,
            TooManyParts = current.Length > 3,
        };
    }
}
