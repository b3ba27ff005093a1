using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Domain;

public sealed class PregnancyCalendarTests
{
    // Due 1 October 2026: the pregnancy is dated from 25 December 2025.
    private static readonly DateOnly Due = new(2026, 10, 1);

    private static PregnancyProfile Profile(DateOnly? due = null, DateOnly? birth = null, DateOnly? ended = null, DateOnly? answeredOn = null) =>
        new()
        {
            UserId = "p1",
            DueDate = due,
            BirthDate = birth,
            PregnancyEndedOn = ended,
            BabyArrivedPromptAnsweredOn = answeredOn,
        };

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // ---- PregnancyStart ----

    [Fact]
    public void PregnancyStart_DueDate_Is280DaysBefore()
    {
        Assert.Equal(new DateOnly(2025, 12, 25), PregnancyCalendar.PregnancyStart(Due));
    }

    [Fact]
    public void PregnancyStart_DueDateAfterLeapDay_CountsTheLeapDay()
    {
        // 2028 is a leap year: 280 days before 1 June 2028 is 26 August 2027 (not the 25th).
        Assert.Equal(new DateOnly(2027, 8, 26), PregnancyCalendar.PregnancyStart(new DateOnly(2028, 6, 1)));
    }

    // ---- StageOn while pregnant ----

    [Theory]
    [InlineData("2025-12-25", 0, 0)] // day 0 of pregnancy
    [InlineData("2025-12-26", 0, 1)]
    [InlineData("2025-12-31", 0, 6)]
    [InlineData("2026-01-01", 1, 0)]
    [InlineData("2026-08-01", 31, 2)]
    [InlineData("2026-09-30", 39, 6)] // day before the due date
    [InlineData("2026-10-01", 40, 0)] // due date
    [InlineData("2026-10-08", 41, 0)] // a week overdue
    public void StageOn_DateInPregnancy_ReturnsCompletedWeeksAndDays(string date, int weeks, int days)
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due), D(date));

        Assert.Equal(new PregnancyStage.Pregnant(weeks, days), stage);
    }

    [Fact]
    public void StageOn_DayBeforePregnancyStart_ReturnsNone()
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due), new DateOnly(2025, 12, 24));

        Assert.IsType<PregnancyStage.None>(stage);
        Assert.Equal("", stage.Label);
    }

    [Fact]
    public void StageOn_NoDueDateAndNoBirth_ReturnsNone()
    {
        Assert.IsType<PregnancyStage.None>(PregnancyCalendar.StageOn(Profile(), new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void StageOn_ThirtyOneWeeksTwoDays_LabelsWeeksAndDays()
    {
        Assert.Equal("31 weeks + 2 days", PregnancyCalendar.StageOn(Profile(due: Due), new DateOnly(2026, 8, 1)).Label);
    }

    [Fact]
    public void StageOn_DueDate_LabelsFortyWeeks()
    {
        Assert.Equal("40 weeks", PregnancyCalendar.StageOn(Profile(due: Due), Due).Label);
    }

    // ---- StageOn after birth ----

    [Fact]
    public void StageOn_BirthDate_ReturnsPostpartumDayZero()
    {
        var birth = new DateOnly(2026, 9, 20);

        var stage = PregnancyCalendar.StageOn(Profile(due: Due, birth: birth), birth);

        Assert.Equal(new PregnancyStage.Postpartum(0), stage);
        Assert.Equal("Day of birth", stage.Label);
    }

    [Theory]
    [InlineData("2026-09-21", 1)]
    [InlineData("2026-10-02", 12)]
    [InlineData("2027-09-20", 365)]
    public void StageOn_DaysAfterBirth_ReturnsPostpartumDay(string date, int day)
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, birth: new DateOnly(2026, 9, 20)), D(date));

        Assert.Equal(new PregnancyStage.Postpartum(day), stage);
    }

    [Fact]
    public void StageOn_BirthBeforeDueDate_BirthTakesPrecedenceOnTheDueDate()
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, birth: new DateOnly(2026, 9, 20)), Due);

        Assert.Equal(new PregnancyStage.Postpartum(11), stage);
        Assert.Equal("Day 11 after birth", stage.Label);
    }

    [Fact]
    public void StageOn_DayBeforeBirth_IsStillPregnant()
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, birth: new DateOnly(2026, 9, 20)), new DateOnly(2026, 9, 19));

        Assert.Equal(new PregnancyStage.Pregnant(38, 2), stage);
    }

    [Fact]
    public void StageOn_BirthAfterDueDate_CountsFromBirthNotDueDate()
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, birth: new DateOnly(2026, 10, 10)), new DateOnly(2026, 10, 12));

        Assert.Equal(new PregnancyStage.Postpartum(2), stage);
    }

    [Fact]
    public void StageOn_BirthDateWithoutDueDate_ReturnsPostpartum()
    {
        var stage = PregnancyCalendar.StageOn(Profile(birth: new DateOnly(2026, 9, 20)), new DateOnly(2026, 9, 25));

        Assert.Equal(new PregnancyStage.Postpartum(5), stage);
    }

    // ---- StageOn after the pregnancy ended ----

    [Theory]
    [InlineData("2026-03-01", 0)]
    [InlineData("2026-03-02", 1)]
    [InlineData("2026-10-01", 214)]
    public void StageOn_OnOrAfterPregnancyEnded_IsTheDaySinceItEnded_WithNoWording(string date, int day)
    {
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, ended: new DateOnly(2026, 3, 1)), D(date));

        Assert.Equal(new PregnancyStage.AfterLoss(day), stage);
        Assert.Equal("", stage.Label);
    }

    [Fact]
    public void StageOn_DayBeforePregnancyEnded_HasNoPregnancyWording()
    {
        // After a loss, nights logged earlier carry no week labels either.
        var stage = PregnancyCalendar.StageOn(Profile(due: Due, ended: new DateOnly(2026, 3, 1)), new DateOnly(2026, 2, 28));

        Assert.IsType<PregnancyStage.None>(stage);
    }

    // ---- Labels ----

    [Theory]
    [InlineData(31, 2, "31 weeks + 2 days")]
    [InlineData(40, 0, "40 weeks")]
    [InlineData(12, 1, "12 weeks + 1 day")]
    [InlineData(0, 0, "0 weeks")]
    public void Label_Pregnant_ReadsWeeksAndDays(int weeks, int days, string expected)
    {
        Assert.Equal(expected, new PregnancyStage.Pregnant(weeks, days).Label);
    }

    [Theory]
    [InlineData(0, "Day of birth")]
    [InlineData(1, "Day 1 after birth")]
    [InlineData(12, "Day 12 after birth")]
    public void Label_Postpartum_ReadsDayAfterBirth(int day, string expected)
    {
        Assert.Equal(expected, new PregnancyStage.Postpartum(day).Label);
    }

    [Fact]
    public void Label_None_IsEmpty()
    {
        Assert.Equal("", new PregnancyStage.None().Label);
    }

    // ---- NightOf: noon boundary (New York in January, UTC−5, so the local conversion matters) ----

    [Theory]
    [InlineData(26, 2, 30, 25)]
    [InlineData(26, 0, 0, 25)]
    [InlineData(26, 11, 59, 25)]
    [InlineData(26, 12, 0, 26)]
    [InlineData(26, 23, 59, 26)]
    public void NightOf_LocalTime_BelongsToNightStartingAtNoon(int day, int hour, int minute, int expectedNight)
    {
        var utc = Zones.Utc(2026, 1, day, hour, minute, -5);

        Assert.Equal(new DateOnly(2026, 1, expectedNight), PregnancyCalendar.NightOf(utc, Zones.NewYork));
    }

    [Fact]
    public void NightOf_JustBeforeMidnightAndJustAfter_AreTheSameNight()
    {
        var before = Zones.Utc(2026, 1, 25, 23, 59, -5);
        var after = Zones.Utc(2026, 1, 26, 0, 1, -5);

        Assert.Equal(PregnancyCalendar.NightOf(before, Zones.NewYork), PregnancyCalendar.NightOf(after, Zones.NewYork));
    }

    [Fact]
    public void NightOf_NightSpanningNewYear_IsNamedByTheEvening()
    {
        var utc = Zones.Utc(2026, 1, 1, 3, 0, -5);

        Assert.Equal(new DateOnly(2025, 12, 31), PregnancyCalendar.NightOf(utc, Zones.NewYork));
    }

    // ---- NightOf: time zones ----

    [Theory]
    // 14:00 UTC on 15 Jan: 14:00 in London, 09:00 in New York, 03:00 on the 16th in Auckland (UTC+13).
    [InlineData("Europe/London", 14, 0, 15)]
    [InlineData("America/New_York", 14, 0, 14)]
    [InlineData("Pacific/Auckland", 14, 0, 15)]
    // 23:30 UTC on 15 Jan: 23:30 in London, 18:30 in New York, 12:30 on the 16th in Auckland.
    [InlineData("Europe/London", 23, 30, 15)]
    [InlineData("America/New_York", 23, 30, 15)]
    [InlineData("Pacific/Auckland", 23, 30, 16)]
    // 11:30 UTC on 15 Jan: 11:30 in London, 06:30 in New York, 00:30 on the 16th in Auckland.
    [InlineData("Europe/London", 11, 30, 14)]
    [InlineData("America/New_York", 11, 30, 14)]
    [InlineData("Pacific/Auckland", 11, 30, 15)]
    public void NightOf_SameInstantInDifferentZones_UsesEachZonesLocalTime(string zoneId, int utcHour, int utcMinute, int expectedNight)
    {
        var utc = new DateTime(2026, 1, 15, utcHour, utcMinute, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 1, expectedNight), PregnancyCalendar.NightOf(utc, Zones.ById(zoneId)));
    }

    [Fact]
    public void NightOf_UnspecifiedKind_IsTreatedAsUtc()
    {
        var utc = new DateTime(2026, 1, 15, 23, 30, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateOnly(2026, 1, 16), PregnancyCalendar.NightOf(utc, Zones.Auckland));
    }

    // ---- NightOf: DST changes ----

    [Theory]
    // Europe/London springs forward on 29 Mar 2026 at 01:00 UTC (01:00 GMT -> 02:00 BST).
    [InlineData("Europe/London", "2026-03-29T00:59:00", "2026-03-28")] // 00:59 GMT, before the change
    [InlineData("Europe/London", "2026-03-29T01:01:00", "2026-03-28")] // 02:01 BST, after it
    [InlineData("Europe/London", "2026-03-29T10:59:00", "2026-03-28")] // 11:59 BST
    [InlineData("Europe/London", "2026-03-29T11:00:00", "2026-03-29")] // 12:00 BST (11:00 GMT would still be morning)
    [InlineData("Europe/London", "2026-03-29T11:30:00", "2026-03-29")] // 12:30 BST
    // Europe/London falls back on 25 Oct 2026 at 01:00 UTC (02:00 BST -> 01:00 GMT).
    [InlineData("Europe/London", "2026-10-24T11:30:00", "2026-10-24")] // 12:30 BST the day before
    [InlineData("Europe/London", "2026-10-25T00:30:00", "2026-10-24")] // 01:30 BST, first pass
    [InlineData("Europe/London", "2026-10-25T01:30:00", "2026-10-24")] // 01:30 GMT, second pass
    [InlineData("Europe/London", "2026-10-25T11:30:00", "2026-10-24")] // 11:30 GMT (12:30 in BST would be evening)
    [InlineData("Europe/London", "2026-10-25T12:00:00", "2026-10-25")] // 12:00 GMT
    // America/New_York springs forward on 8 Mar 2026 at 07:00 UTC (02:00 EST -> 03:00 EDT).
    [InlineData("America/New_York", "2026-03-08T06:59:00", "2026-03-07")] // 01:59 EST
    [InlineData("America/New_York", "2026-03-08T07:01:00", "2026-03-07")] // 03:01 EDT
    [InlineData("America/New_York", "2026-03-08T15:59:00", "2026-03-07")] // 11:59 EDT
    [InlineData("America/New_York", "2026-03-08T16:00:00", "2026-03-08")] // 12:00 EDT
    // America/New_York falls back on 1 Nov 2026 at 06:00 UTC (02:00 EDT -> 01:00 EST).
    [InlineData("America/New_York", "2026-11-01T05:30:00", "2026-10-31")] // 01:30 EDT
    [InlineData("America/New_York", "2026-11-01T06:30:00", "2026-10-31")] // 01:30 EST
    [InlineData("America/New_York", "2026-11-01T16:30:00", "2026-10-31")] // 11:30 EST
    [InlineData("America/New_York", "2026-11-01T17:00:00", "2026-11-01")] // 12:00 EST
    public void NightOf_AroundDstChange_UsesTheOffsetInForce(string zoneId, string utcIso, string expectedNight)
    {
        var utc = DateTime.SpecifyKind(DateTime.Parse(utcIso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(D(expectedNight), PregnancyCalendar.NightOf(utc, Zones.ById(zoneId)));
    }

    [Fact]
    public void ToLocal_JustAfterSpringForward_ShowsSummerTime()
    {
        var local = PregnancyCalendar.ToLocal(new DateTime(2026, 3, 29, 1, 1, 0, DateTimeKind.Utc), Zones.London);

        Assert.Equal(new DateTime(2026, 3, 29, 2, 1, 0), local);
    }

    [Fact]
    public void LocalDate_LateEveningInNewYork_IsTheLocalDateNotTheUtcDate()
    {
        var utc = new DateTime(2026, 1, 16, 3, 0, 0, DateTimeKind.Utc); // 22:00 on the 15th in New York

        Assert.Equal(new DateOnly(2026, 1, 15), PregnancyCalendar.LocalDate(utc, Zones.NewYork));
    }

    // ---- LocalToUtc ----

    [Theory]
    [InlineData("Europe/London", "2026-07-01T12:00:00", "2026-07-01T11:00:00")]
    [InlineData("Europe/London", "2026-01-15T12:00:00", "2026-01-15T12:00:00")]
    [InlineData("America/New_York", "2026-01-15T12:00:00", "2026-01-15T17:00:00")]
    [InlineData("Pacific/Auckland", "2026-01-15T12:00:00", "2026-01-14T23:00:00")]
    public void LocalToUtc_OrdinaryTime_ConvertsWithTheOffsetInForce(string zoneId, string localIso, string expectedUtcIso)
    {
        var utc = PregnancyCalendar.LocalToUtc(Iso(localIso), Zones.ById(zoneId));

        Assert.Equal(Iso(expectedUtcIso), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    // Clocks went forward: the missing local time moves forward by the gap to a real instant.
    [InlineData("Europe/London", "2026-03-29T01:30:00", "2026-03-29T01:30:00", "2026-03-29T02:30:00")]
    [InlineData("Europe/London", "2026-03-29T01:00:00", "2026-03-29T01:00:00", "2026-03-29T02:00:00")]
    [InlineData("America/New_York", "2026-03-08T02:30:00", "2026-03-08T07:30:00", "2026-03-08T03:30:00")]
    [InlineData("Pacific/Auckland", "2026-09-27T02:30:00", "2026-09-26T14:30:00", "2026-09-27T03:30:00")]
    public void LocalToUtc_NonexistentLocalTime_MovesForwardToAValidInstant(string zoneId, string localIso, string expectedUtcIso, string expectedLocalIso)
    {
        var zone = Zones.ById(zoneId);

        var utc = PregnancyCalendar.LocalToUtc(Iso(localIso), zone);

        Assert.Equal(Iso(expectedUtcIso), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(Iso(expectedLocalIso), PregnancyCalendar.ToLocal(utc, zone));
    }

    [Theory]
    // Clocks went back: the repeated local time takes the earlier instant (summer time).
    [InlineData("Europe/London", "2026-10-25T01:30:00", "2026-10-25T00:30:00")]
    [InlineData("America/New_York", "2026-11-01T01:30:00", "2026-11-01T05:30:00")]
    [InlineData("Pacific/Auckland", "2026-04-05T02:30:00", "2026-04-04T13:30:00")]
    public void LocalToUtc_AmbiguousLocalTime_TakesTheEarlierInstant(string zoneId, string localIso, string expectedUtcIso)
    {
        var utc = PregnancyCalendar.LocalToUtc(Iso(localIso), Zones.ById(zoneId));

        Assert.Equal(Iso(expectedUtcIso), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void LocalToUtc_LocalKindInput_IsReadAsTheZonesWallClock()
    {
        var local = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Local);

        Assert.Equal(new DateTime(2026, 7, 1, 16, 0, 0, DateTimeKind.Utc), PregnancyCalendar.LocalToUtc(local, Zones.NewYork));
    }

    [Fact]
    public void NightStartUtc_SummerNightInLondon_IsNoonBritishSummerTime()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 11, 0, 0, DateTimeKind.Utc), PregnancyCalendar.NightStartUtc(new DateOnly(2026, 7, 1), Zones.London));
    }

    [Fact]
    public void NightStartUtc_NightOfSpringForward_IsNoonAfterTheChange()
    {
        Assert.Equal(new DateTime(2026, 3, 29, 11, 0, 0, DateTimeKind.Utc), PregnancyCalendar.NightStartUtc(new DateOnly(2026, 3, 29), Zones.London));
    }

    // ---- IsNightTime (New York in January, UTC−5) ----

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    [InlineData(12, 0, false)]
    public void IsNightTime_Auto_IsNightFrom2100To0700Local(int hour, int minute, bool expected)
    {
        var utc = Zones.Utc(2026, 1, 15, hour, minute, -5);

        Assert.Equal(expected, PregnancyCalendar.IsNightTime(utc, Zones.NewYork));
        Assert.Equal(expected, PregnancyCalendar.IsNightTime(utc, Zones.NewYork, ThemePreference.Auto));
    }

    [Theory]
    [InlineData(23, 0)]
    [InlineData(3, 0)]
    [InlineData(12, 0)]
    public void IsNightTime_DayChosen_IsNeverNight(int hour, int minute)
    {
        Assert.False(PregnancyCalendar.IsNightTime(Zones.Utc(2026, 1, 15, hour, minute, -5), Zones.NewYork, ThemePreference.Day));
    }

    [Theory]
    [InlineData(23, 0)]
    [InlineData(3, 0)]
    [InlineData(12, 0)]
    public void IsNightTime_NightChosen_IsAlwaysNight(int hour, int minute)
    {
        Assert.True(PregnancyCalendar.IsNightTime(Zones.Utc(2026, 1, 15, hour, minute, -5), Zones.NewYork, ThemePreference.Night));
    }

    // ---- ShouldAskIfBabyArrived ----

    [Theory]
    [InlineData("2026-09-30", false)]
    [InlineData("2026-10-01", false)] // on the due date itself
    [InlineData("2026-10-02", true)]
    [InlineData("2026-10-20", true)]
    public void ShouldAskIfBabyArrived_Pregnant_OnlyAfterDueDatePassed(string today, bool expected)
    {
        Assert.Equal(expected, PregnancyCalendar.ShouldAskIfBabyArrived(Profile(due: Due), D(today)));
    }

    [Fact]
    public void ShouldAskIfBabyArrived_BabyBorn_IsFalse()
    {
        Assert.False(PregnancyCalendar.ShouldAskIfBabyArrived(Profile(due: Due, birth: new DateOnly(2026, 10, 3)), new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void ShouldAskIfBabyArrived_PregnancyEnded_IsFalse()
    {
        Assert.False(PregnancyCalendar.ShouldAskIfBabyArrived(Profile(due: Due, ended: new DateOnly(2026, 10, 3)), new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void ShouldAskIfBabyArrived_AnsweredToday_IsFalse()
    {
        var today = new DateOnly(2026, 10, 5);

        Assert.False(PregnancyCalendar.ShouldAskIfBabyArrived(Profile(due: Due, answeredOn: today), today));
    }

    [Fact]
    public void ShouldAskIfBabyArrived_AnsweredYesterday_AsksAgain()
    {
        Assert.True(PregnancyCalendar.ShouldAskIfBabyArrived(Profile(due: Due, answeredOn: new DateOnly(2026, 10, 4)), new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void ShouldAskIfBabyArrived_NoDueDate_IsFalse()
    {
        Assert.False(PregnancyCalendar.ShouldAskIfBabyArrived(Profile(), new DateOnly(2026, 10, 5)));
    }

    // ---- Time zones ----

    [Fact]
    public void TryFindZone_IanaId_ReturnsTheZone()
    {
        Assert.True(PregnancyCalendar.TryFindZone("Europe/London", out var zone));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("Not/AZone")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryFindZone_BadId_ReturnsFalseAndUtc(string? id)
    {
        Assert.False(PregnancyCalendar.TryFindZone(id, out var zone));
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    [Theory]
    // These name folders of the tz database, not zones: on Linux the lookup throws SecurityException.
    [InlineData("Europe")]
    [InlineData("America")]
    public void TryFindZone_FolderOfZones_ReturnsFalse(string id)
    {
        Assert.False(PregnancyCalendar.TryFindZone(id, out var zone));
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void FindZoneOrUtc_BadId_ReturnsUtc()
    {
        Assert.Same(TimeZoneInfo.Utc, PregnancyCalendar.FindZoneOrUtc("Not/AZone"));
    }

    [Fact]
    public void FindZoneOrUtc_IanaId_ReturnsThatZone()
    {
        Assert.Equal(TimeSpan.FromHours(-5), PregnancyCalendar.FindZoneOrUtc("America/New_York").BaseUtcOffset);
    }

    private static DateTime Iso(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None);
}
