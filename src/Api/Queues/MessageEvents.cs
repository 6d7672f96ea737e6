namespace KubeBind.Api.Queues;

/// <summary>The values of <see cref="MessageCause.Event"/>.</summary>
public static class MessageEvents
{
    /// <summary>The object was created.</summary>
    public const string Added = "Added";

    /// <summary>The object changed.</summary>
    public const string Modified = "Modified";

    /// <summary>The object was deleted.</summary>
    public const string Deleted = "Deleted";

    /// <summary>A periodic or start-up resync listed the object.</summary>
    public const string Resync = "Resync";
}
