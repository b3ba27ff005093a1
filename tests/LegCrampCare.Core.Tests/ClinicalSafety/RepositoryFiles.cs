namespace LegCrampCare.Core.Tests.ClinicalSafety;

/// <summary>Finds files of the repository this test run was built from (tests run from a clone).</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LegCrampCare.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("LegCrampCare.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
