using System.Reflection;
using LegCrampCare.Core.Features.Episodes;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Web.Tests.Architecture;

/// <summary>The rules of docs/architecture.md that a compiler does not check.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(IEpisodeService).Assembly;
    private static readonly Assembly Web = typeof(LegCrampCare.Web.DependencyInjection).Assembly;

    [Fact]
    public void Core_References_NoEntityFrameworkOrAspNetCore()
    {
        var forbidden = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
                        n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
                        n.StartsWith("LegCrampCare.Infrastructure", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
    }

    /// <summary>
    /// The rules library runs on the server and, unchanged, in the browser's WebAssembly build (ADR 0021): it may use the
    /// base class library only, never a package or another project of ours.
    /// </summary>
    [Fact]
    public void Rules_References_OnlyTheBaseClassLibrary()
    {
        var rules = typeof(LegCrampCare.Rules.TriageEngine).Assembly;
        var others = rules.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib"))
            .ToList();

        Assert.True(others.Count == 0, "LegCrampCare.Rules references: " + string.Join(", ", others));
        Assert.Contains(Core.GetReferencedAssemblies(), a => a.Name == rules.GetName().Name);
    }

    [Fact]
    public void Components_Inject_NoDbContextOrFactory()
    {
        var offenders = Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && IsDatabaseType(p.PropertyType))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Components must call services, not the database: " + string.Join(", ", offenders));
        Assert.Contains(Web.GetTypes(), t => typeof(IComponent).IsAssignableFrom(t) && t.Name == "Home");
    }

    private static bool IsDatabaseType(Type type) =>
        typeof(DbContext).IsAssignableFrom(type) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>));
}
