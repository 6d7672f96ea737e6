namespace KubeBind.DevApiServer.Patching;

/// <summary>A patch document of the wrong shape for its content type; the server answers 400 BadRequest.</summary>
internal sealed class MalformedPatchException : Exception
{
    public MalformedPatchException()
        : base("the patch document is malformed")
    {
    }

    public MalformedPatchException(string message)
        : base(message)
    {
    }

    public MalformedPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
