using System.Collections;

namespace KubeBind.DevApiServer.Apply;

/// <summary>An immutable path of <see cref="PathElement"/>s from the object root.</summary>
internal sealed class FieldPath : IReadOnlyList<PathElement>, IEquatable<FieldPath>
{
    private readonly PathElement[] _elements;

    public FieldPath(IEnumerable<PathElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        _elements = [.. elements];
    }

    /// <summary>Gets the empty path (the root).</summary>
    public static FieldPath Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _elements.Length;

    /// <inheritdoc/>
    public PathElement this[int index] => _elements[index];

    /// <summary>Builds a path of map fields, e.g. <c>FieldPath.OfFields("spec", "replicas")</c>.</summary>
    public static FieldPath OfFields(params string[] names) => new(names.Select(PathElement.ForField));

    /// <summary>Returns this path extended by one element.</summary>
    public FieldPath Append(PathElement element) => new([.. _elements, element]);

    /// <summary>Returns SMD's string form, e.g. <c>.spec.containers[name="nginx"].image</c>.</summary>
    public override string ToString() => string.Concat(_elements.Select(e => e.ToString()));

    /// <inheritdoc/>
    public bool Equals(FieldPath? other) => other is not null && _elements.AsSpan().SequenceEqual(other._elements);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _elements.Aggregate(_elements.Length, (hash, e) => HashCode.Combine(hash, e.GetHashCode()));

    /// <inheritdoc/>
    public IEnumerator<PathElement> GetEnumerator() => ((IEnumerable<PathElement>)_elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
