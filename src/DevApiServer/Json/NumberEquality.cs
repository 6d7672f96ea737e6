namespace KubeBind.DevApiServer.Json;

/// <summary>How <see cref="JsonEquality"/> compares numbers that Go decodes as int64 or float64.</summary>
internal enum NumberEquality
{
    /// <summary>By value: int64 1 equals float64 1.0, as SMD's value.Equals compares them.</summary>
    ByValue,

    /// <summary>By value and Go type: int64 1 differs from float64 1.0, as reflect.DeepEqual sees decoded values.</summary>
    ByGoType,
}
