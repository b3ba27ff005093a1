namespace LegCrampCare.Core.Domain;

/// <summary>The application's roles. Everyone who registers is a Patient; the others are assigned by an admin.</summary>
public static class Roles
{
    public const string Patient = "Patient";
    public const string Midwife = "Midwife";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>
    /// The clinical-approver permission (given by an admin, like a role): may approve guidance for publication, but never
    /// a revision they wrote themselves.
    /// </summary>
    public const string ClinicalApprover = "ClinicalApprover";

    public static IReadOnlyList<string> All { get; } = [Patient, Midwife, Editor, Admin, ClinicalApprover];
}
