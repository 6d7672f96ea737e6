namespace KubeBind.Kubernetes.Discovery;

/// <summary>The server serves no such kind or resource (kubectl's "no matches for kind").</summary>
public sealed class KindNotFoundException : Exception
{
    public KindNotFoundException(string what)
        : base($"no matches for {what}: the server does not serve it (is its CRD installed and established?)")
    {
    }

    public KindNotFoundException()
    {
    }

    public KindNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
