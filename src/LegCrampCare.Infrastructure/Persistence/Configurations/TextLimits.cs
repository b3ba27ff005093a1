using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegCrampCare.Infrastructure.Persistence.Configurations;

/// <summary>
/// The length limit of a text people type, kept by the database as well as by the validators (<c>TextInput</c>): the
/// column's maximum length (varchar(n) where the database has one) and a CHECK constraint, which SQLite enforces
/// although it ignores declared lengths. A write that slipped past the validators fails instead of storing the text.
/// </summary>
internal static class TextLimits
{
    public static PropertyBuilder<string?> HasTextLimit<TEntity>(this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, string?>> propertyExpression, int maxLength)
        where TEntity : class
    {
        var property = builder.Property(propertyExpression);
        var column = property.Metadata.Name;
        var table = builder.Metadata.GetTableName() ?? builder.Metadata.ClrType.Name;
        builder.ToTable(t => t.HasCheckConstraint($"CK_{table}_{column}_Length", $"length(\"{column}\") <= {maxLength}"));
        return property.HasMaxLength(maxLength);
    }
}
