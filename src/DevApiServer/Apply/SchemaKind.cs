namespace KubeBind.DevApiServer.Apply;

/// <summary>How a schema node treats the values at its position.</summary>
internal enum SchemaKind
{
    /// <summary>Decided by the value: objects are granular maps, arrays atomic lists, anything else a leaf.</summary>
    Deduced,

    /// <summary>A scalar, an atomic map or an atomic list: owned and replaced as a whole.</summary>
    Leaf,

    /// <summary>A granular map (struct or string-keyed map) whose fields are owned separately.</summary>
    Map,

    /// <summary>A set or associative list whose items are owned separately.</summary>
    List,

    /// <summary>Server-controlled data (name, uid, apiVersion, …) that field management never tracks.</summary>
    Untracked,
}
