namespace KubeBind.DevApiServer.Patching;

/// <summary>A well-formed patch that cannot be applied to the object; the server answers 422 Invalid.</summary>
internal sealed class PatchApplicationException : Exception
{
    public PatchApplicationException()
        : base("the patch cannot be applied")
    {
    }

    public PatchApplicationException(string message)
        : base(message)
    {
    }

    public PatchApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
