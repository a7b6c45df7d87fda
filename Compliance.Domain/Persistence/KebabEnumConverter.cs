using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compliance.Domain.Persistence;

/// <summary>An enum stored as its kebab-case name (<see cref="KebabCase{T}"/>).</summary>
public sealed class KebabEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => KebabCase<TEnum>.ToId(v), s => KebabCase<TEnum>.Parse(s)) where TEnum : struct, Enum;
