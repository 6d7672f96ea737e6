using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace KubeBind.Kubernetes.Models;

/// <summary>
/// Keeps a record's declared property defaults (<c>= []</c>, <c>= ""</c>, <c>= new()</c>, <c>= KindName</c>) when
/// the JSON omits the property. Source-generated contracts set every init-only property, so without this a missing
/// list arrives as null behind a non-nullable type (dotnet/runtime#84484).
/// </summary>
public static class JsonDefaults
{
    /// <summary>A contract modifier (for <c>WithAddedModifier</c>) that restores declared defaults after deserialization.</summary>
    public static void KeepDeclaredDefaults(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.IsAbstract || !HasParameterlessConstructor(typeInfo.Type))
        {
            return;
        }

        // Source-generated setters refuse init-only properties, so the write goes through the property itself.
        var candidates = typeInfo.Properties
            .Where(p => !p.IsGetNullable && !p.PropertyType.IsValueType && p.Get is not null)
            .Select(p => (p.Get!, Property: p.AttributeProvider as PropertyInfo))
            .Where(p => p.Property?.SetMethod is not null)
            .ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        var type = typeInfo.Type;
        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = obj =>
        {
            object? fresh = null;
            foreach (var (get, property) in candidates)
            {
                if (get(obj) is null)
                {
                    fresh ??= CreateFresh(type);
                    property!.SetValue(obj, get(fresh));
                }
            }

            previous?.Invoke(obj);
        };
    }

    // The source generator's own creator calls this constructor, so trimming keeps it.
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Source-generated contracts root the parameterless constructor.")]
    private static object CreateFresh(Type type) => Activator.CreateInstance(type)!;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Source-generated contracts root the parameterless constructor.")]
    private static bool HasParameterlessConstructor(Type type) => type.GetConstructor(Type.EmptyTypes) is not null;
}
