namespace KubeBind.DevApiServer.Apply;

/// <summary>A malformed apply configuration or object; the server answers 400 BadRequest with this message.</summary>
internal sealed class ApplyRequestException : Exception
{
    public ApplyRequestException()
    {
    }

    public ApplyRequestException(string message)
        : base(message)
    {
    }

    public ApplyRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
