using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.Tests.Conditions;

/// <summary>Proves <see cref="Condition"/> works with source-generated serialization, as the hosts use it.</summary>
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(IReadOnlyList<Condition>))]
internal sealed partial class ConditionJsonContext : JsonSerializerContext;
