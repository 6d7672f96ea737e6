namespace KubeBind.DevApiServer.Schema;

/// <summary>Thrown by <see cref="StructuralSchema.Parse"/> when an openAPIV3Schema cannot be read at all.</summary>
internal sealed class SchemaFormatException : Exception
{
    public SchemaFormatException()
    {
    }

    public SchemaFormatException(string message)
        : base(message)
    {
    }

    public SchemaFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
