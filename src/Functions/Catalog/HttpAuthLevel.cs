namespace KubeBind.Functions.Catalog;

/// <summary>The Functions host's <c>authLevel</c> of an HTTP trigger; the host checks the key before forwarding.</summary>
public enum HttpAuthLevel
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>A function or host key.</summary>
    Function,

    /// <summary>The master key.</summary>
    Admin,
}
