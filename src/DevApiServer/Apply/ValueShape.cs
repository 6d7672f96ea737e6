namespace KubeBind.DevApiServer.Apply;

/// <summary>How one value is walked, from its schema node and its JSON kind.</summary>
internal enum ValueShape
{
    /// <summary>Owned and compared as a whole.</summary>
    Leaf,

    /// <summary>A granular map: its fields are walked.</summary>
    Map,

    /// <summary>A set list: items are walked by value.</summary>
    SetList,

    /// <summary>An associative list: items are walked by key.</summary>
    AssociativeList,

    /// <summary>Never tracked nor compared.</summary>
    Untracked,
}
