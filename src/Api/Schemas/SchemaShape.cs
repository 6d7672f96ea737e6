namespace KubeBind.Api.Schemas;

/// <summary>How a CRD version's schema is stored in a BoundSchema's <c>versions[].schema</c>.</summary>
public enum SchemaShape
{
    /// <summary>The CRD's <c>{"openAPIV3Schema": …}</c> object as is, like upstream's backend (its generic CRD conversion).</summary>
    Wrapped,

    /// <summary>The bare openAPIV3Schema, like upstream's SDK helper <c>CRDToBoundSchema</c> and kcp APIResourceSchemas.</summary>
    Bare,
}
