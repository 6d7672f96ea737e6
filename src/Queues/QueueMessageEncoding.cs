namespace KubeBind.Queues;

/// <summary>How message text is carried in the XML body on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 text: what the Azure Functions queue trigger expects by default.</summary>
    Base64,

    /// <summary>The text itself (XML-escaped); host.json <c>messageEncoding: none</c>.</summary>
    None,
}
