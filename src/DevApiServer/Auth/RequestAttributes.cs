namespace KubeBind.DevApiServer.Auth;

/// <summary>What a request does, in authorization terms (kube-apiserver's authorizer.Attributes).</summary>
internal sealed record RequestAttributes
{
    public required string Verb { get; init; }

    public bool IsResourceRequest { get; init; }

    public string ApiGroup { get; init; } = string.Empty;

    public string ApiVersion { get; init; } = string.Empty;

    public string Resource { get; init; } = string.Empty;

    public string Subresource { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>The URL path, for non-resource requests.</summary>
    public string Path { get; init; } = string.Empty;
}
