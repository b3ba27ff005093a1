using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>
/// Inserts new rows of one entity type with a prepared INSERT built from the EF Core model: the table, every column
/// (complex properties' too) and each column's provider type mapping (the same conversions and parameters EF Core's own
/// commands use), so the rows are exactly what SaveChanges would write, without change tracking. For the writer's hot
/// path only (new cramps, their first assessments and flags), inside its transaction.
/// </summary>
/// <remarks>
/// Change tracking, snapshotting and per-entity command building cost about 0.4 ms per cramp in EF Core's SaveChanges
/// (measured); a reused prepared command costs a small part of it. Anything that needs EF Core's behaviour (generated
/// values, concurrency tokens, navigations) must not come through here: the plan refuses such entity types.
/// </remarks>
public sealed class RowInserter<T>
    where T : class
{
    private readonly string _sql;
    private readonly (string Parameter, Func<T, object?> Get, RelationalTypeMapping Mapping)[] _columns;

    public RowInserter(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var identifier = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = new List<(string Column, Func<T, object?> Get, RelationalTypeMapping Mapping)>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never && !property.IsPrimaryKey() || property.IsConcurrencyToken)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} needs EF Core's own insert.");
            }

            var getter = property.GetGetter();
            columns.Add((property.GetColumnName(identifier)!, e => getter.GetClrValue(e), property.GetRelationalTypeMapping()));
        }

        foreach (var complex in type.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                columns.Add((property.GetColumnName(identifier)!, e => getter.GetClrValueUsingContainingEntity(e), property.GetRelationalTypeMapping()));
            }
        }

        _columns = columns.Select((c, i) => ($"@p{i}", c.Get, c.Mapping)).ToArray();
        _sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter))})";
    }

    /// <summary>Inserts the rows on the context's connection, in its current transaction.</summary>
    public async Task InsertAsync(DbContext db, IEnumerable<T> rows)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _sql;
        var prepared = false;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            foreach (var (parameter, get, mapping) in _columns)
            {
                var value = get(row);
                command.Parameters.Add(mapping.CreateParameter(command, parameter, value, nullable: true));
            }

            if (!prepared)
            {
                await command.PrepareAsync().ConfigureAwait(false);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
