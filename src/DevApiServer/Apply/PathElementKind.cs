namespace KubeBind.DevApiServer.Apply;

/// <summary>The four kinds of SMD path elements, in their sort order.</summary>
internal enum PathElementKind
{
    /// <summary>A map field: <c>f:name</c>.</summary>
    Field,

    /// <summary>An associative list item by key: <c>k:{"name":"x"}</c>.</summary>
    Key,

    /// <summary>A set item by value: <c>v:"a"</c>.</summary>
    Value,

    /// <summary>A list item by position: <c>i:0</c>.</summary>
    Index,
}
