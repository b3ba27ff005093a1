namespace LegCrampCare.Rules;

/// <summary>
/// Blood-clot risk factors from RCOG Green-top guideline 37a (clinical README §2). Stored as flags; each has a stable
/// code (the triage case-file string) and a plain-language explanation shown to the patient.
/// </summary>
[Flags]
public enum RiskFactors : long
{
    None = 0,
    PreviousVte = 1L << 0,
    PreviousVteSurgical = 1L << 1,
    Thrombophilia = 1L << 2,
    MedicalComorbidity = 1L << 3,
    FamilyHistoryVte = 1L << 4,
    AgeOver35 = 1L << 5,
    Bmi30 = 1L << 6,
    Bmi40 = 1L << 7,
    Parity3Plus = 1L << 8,
    Smoker = 1L << 9,
    GrossVaricoseVeins = 1L << 10,
    PreEclampsia = 1L << 11,
    Ivf = 1L << 12,
    MultiplePregnancy = 1L << 13,
    LongTravel = 1L << 14,
    HyperemesisOrDehydration = 1L << 15,
    Immobility = 1L << 16,
    SystemicInfection = 1L << 17,
    SurgeryRecent = 1L << 18,
    Ohss = 1L << 19,
    ProlongedLabour = 1L << 20,
    Pph = 1L << 21,
    PretermBirth = 1L << 22,
    Stillbirth = 1L << 23,
}

/// <summary>One risk factor's code and the words a patient sees.</summary>
public sealed record RiskFactorInfo(RiskFactors Flag, string Code, string Label, string Explanation, bool AfterBirthOnly);

public static class RiskFactorCatalog
{
    public static IReadOnlyList<RiskFactorInfo> All { get; } =
    [
        new(RiskFactors.PreviousVte, "previous-vte", "I have had a blood clot before",
            "A clot in a leg (DVT) or in the lungs at any time in your life, not linked to an operation.", false),
        new(RiskFactors.PreviousVteSurgical, "previous-vte-surgical", "I had a blood clot after an operation",
            "A clot that happened only after major surgery.", false),
        new(RiskFactors.Thrombophilia, "thrombophilia", "I have a blood condition that makes clots more likely",
            "For example Factor V Leiden or antiphospholipid syndrome (a doctor will have told you).", false),
        new(RiskFactors.MedicalComorbidity, "medical-comorbidity", "I have a serious long-term illness",
            "For example heart or lung disease, lupus, cancer, inflammatory bowel disease, kidney disease or sickle cell disease.", false),
        new(RiskFactors.FamilyHistoryVte, "family-history-vte", "A parent, brother or sister had a blood clot",
            "A clot with no obvious cause, in a close blood relative.", false),
        new(RiskFactors.AgeOver35, "age-over-35", "I am over 35", "Your age when your baby is due.", false),
        new(RiskFactors.Bmi30, "bmi-30", "My BMI was 30 or more at booking", "Body mass index 30 to 39 at your first appointment.", false),
        new(RiskFactors.Bmi40, "bmi-40", "My BMI was 40 or more at booking", "Body mass index 40 or more at your first appointment.", false),
        new(RiskFactors.Parity3Plus, "parity-3-plus", "I have given birth 3 or more times before", "Earlier births, not counting this pregnancy.", false),
        new(RiskFactors.Smoker, "smoker", "I smoke", "Any smoking now.", false),
        new(RiskFactors.GrossVaricoseVeins, "gross-varicose-veins", "I have large varicose veins",
            "Veins that are painful, or above the knee, or with skin changes.", false),
        new(RiskFactors.PreEclampsia, "pre-eclampsia", "I have pre-eclampsia now", "Diagnosed by your midwife or doctor in this pregnancy.", false),
        new(RiskFactors.Ivf, "ivf", "This pregnancy came from IVF or other fertility treatment", "Assisted conception.", false),
        new(RiskFactors.MultiplePregnancy, "multiple-pregnancy", "I am expecting twins or more", "More than one baby.", false),
        new(RiskFactors.LongTravel, "long-travel", "I travelled for more than 4 hours in the last 4 weeks",
            "A long flight, car, coach or train journey.", false),
        new(RiskFactors.HyperemesisOrDehydration, "hyperemesis-or-dehydration", "I am being sick a lot, or I am dehydrated",
            "Severe sickness in pregnancy (hyperemesis) or not keeping fluids down.", false),
        new(RiskFactors.Immobility, "immobility", "I have been in bed or unable to move about for 3 days or more",
            "Bed rest, or being mostly off your feet.", false),
        new(RiskFactors.SystemicInfection, "systemic-infection", "I have an infection that is making me unwell",
            "For example a chest or kidney infection needing treatment.", false),
        new(RiskFactors.SurgeryRecent, "surgery-recent", "I have had an operation in the last 6 weeks", "Any operation, including in pregnancy.", false),
        new(RiskFactors.Ohss, "ohss", "I had ovarian hyperstimulation syndrome (OHSS)", "A reaction to fertility treatment, in this pregnancy.", false),
        new(RiskFactors.ProlongedLabour, "prolonged-labour", "My labour lasted more than 24 hours", "From the start of established labour.", true),
        new(RiskFactors.Pph, "pph", "I lost more than 1 litre of blood at the birth", "A large bleed after birth (postpartum haemorrhage).", true),
        new(RiskFactors.PretermBirth, "preterm-birth", "My baby was born before 37 weeks", "Preterm birth.", true),
        new(RiskFactors.Stillbirth, "stillbirth", "My baby was stillborn", "We are so sorry. This raises the risk of clots after birth.", true),
    ];

    public static RiskFactorInfo Get(RiskFactors flag) => All.Single(r => r.Flag == flag);

    public static IEnumerable<RiskFactorInfo> In(RiskFactors set) => All.Where(r => set.HasFlag(r.Flag));
}
