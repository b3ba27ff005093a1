using System.Text;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Infrastructure.Exports;
using static LegCrampCare.Infrastructure.Tests.Exports.ReportSamples;

namespace LegCrampCare.Infrastructure.Tests.Exports;

/// <summary>The one-page appointment summary, read back as a PDF viewer would (see <see cref="PdfInspector"/>).</summary>
public sealed class ReportWriterPdfTests
{
    /// <summary>A4 is 595 pt wide; the content area inside the 36 pt margins is 523 pt.</summary>
    private const double ContentWidth = 523.3;

    private readonly ReportWriter _writer = new();

    [Fact]
    public void Pdf_TypicalReport_IsAOnePagePdf()
    {
        var bytes = _writer.Pdf(Report(Spread(40, 4)));

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal(1, PdfInspector.Read(bytes).PageCount);
    }

    [Fact]
    public void Pdf_TypicalReport_EmbedsDejaVuSansRegularAndBold()
    {
        var facts = PdfInspector.Read(_writer.Pdf(Report(Spread(10, 1))));

        Assert.Contains(facts.EmbeddedFonts, f => f.Contains("DejaVu", StringComparison.Ordinal) && !f.Contains("Bold", StringComparison.Ordinal));
        Assert.Contains(facts.EmbeddedFonts, f => f.Contains("DejaVu", StringComparison.Ordinal) && f.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_TypicalReport_ShowsWhoWhenAndWhoMadeIt()
    {
        var text = PdfInspector.Read(_writer.Pdf(Report(Spread(10, 1)))).Text;

        Assert.Contains("Leg cramp summary for Amira Okafor", text);
        Assert.Contains("Date of birth: 12 Mar 1994", text);
        Assert.Contains("Hospital number: RX1 234 5678", text);
        Assert.Contains("31 weeks 2 days pregnant", text);
        Assert.Contains("Due date: 30 May 2026", text);
        Assert.Contains("Risk factors: Previous clot (VTE); Over 35", text);
        Assert.Contains("Period covered: 5 Jan 2026 – 29 Mar 2026", text);
        Assert.Contains("Generated on 30 Mar 2026 at 10:15 by Jo Reed, community midwife", text);
        Assert.Contains("Contains health information. Store and share it as your organisation's policy says.", text);
    }

    [Fact]
    public void Pdf_NoHospitalNumberNoRiskFactorsAfterBirth_SaysNoneRecordedAndShowsBirthDate()
    {
        var patient = Patient() with { HospitalNumber = null, RiskFactors = [], BirthDate = new DateOnly(2026, 3, 20), Stage = "Day 9 after birth" };

        var text = PdfInspector.Read(_writer.Pdf(Report(Spread(5, 0), patient))).Text;

        Assert.Contains("Risk factors: none recorded", text);
        Assert.Contains("Birth date: 20 Mar 2026", text);
        Assert.Contains("Day 9 after birth", text);
        Assert.DoesNotContain("Hospital number", text);
    }

    [Fact]
    public void Pdf_Trends_ShowWeeksLegSplitTimeBandsAndPain()
    {
        ReportEpisode[] episodes =
        [
            Episode(new DateTime(2026, 3, 2, 23, 0, 0)) with { Side = "Left", PainScore = 4 },
            Episode(new DateTime(2026, 3, 4, 2, 0, 0)) with { Side = "Right", PainScore = 8 },
            Episode(new DateTime(2026, 3, 5, 4, 30, 0)) with { Side = "Both", PainScore = null },
            Episode(new DateTime(2026, 3, 6, 4, 45, 0)) with { Side = "Left", PainScore = 7 },
        ];
        ReportWeek[] weeks = [new("Wk 30", 1), new("Wk 31", 4)];

        var text = PdfInspector.Read(_writer.Pdf(Report(episodes, weeks: weeks))).Text;

        Assert.Contains("Nights with cramps per week", text);
        Assert.Contains("Wk 30", text);
        Assert.Contains("Wk 31", text);
        Assert.Contains("Left 2 Right 1 Both 1", text);
        Assert.Contains("Evening (18–24) 1 Night (0–3) 1 Early morning (3–6) 2 Morning (6–12) 0 Afternoon (12–18) 0", text);
        Assert.Contains("Average pain score (0–10)", text);
        Assert.Contains("6.3 2 Mar", text); // (4 + 8 + 7) / 3 in the week of 2–8 March, drawn above its label
        Assert.Contains("– 9 Mar", text); // a week without pain scores
        Assert.Contains("4 cramps logged on 4 nights", text);
    }

    [Fact]
    public void Pdf_MoreThanSixteenWeeks_ShowsTheLastSixteen()
    {
        var weeks = Enumerable.Range(1, 20).Select(i => new ReportWeek($"W{i:00}", 1)).ToList();

        var text = PdfInspector.Read(_writer.Pdf(Report(Spread(5, 0), weeks: weeks))).Text;

        Assert.Contains("(last 16 of 20 weeks)", text);
        Assert.DoesNotContain("W04", text);
        Assert.Contains("W05", text);
        Assert.Contains("W20", text);
    }

    [Fact]
    public void Pdf_Flags_ShowResultReasonsContextAndHowEachWasResolved()
    {
        ReportEpisode[] episodes =
        [
            Episode(new DateTime(2026, 2, 1, 23, 10, 0)) with { Result = "Nothing worrying here" },
            Episode(new DateTime(2026, 2, 3, 1, 40, 0), "URGENT", "Urgent: contact your maternity unit today") with
            {
                Reasons = ["Left calf 2.5 cm bigger", "Pain when walking"],
                LeftScore = 2,
                RcogPoints = 3,
                ReviewedBy = "Jo Reed",
                ReviewedAtUtc = new DateTime(2026, 2, 3, 9, 30, 0, DateTimeKind.Utc),
                ReviewNote = "Phoned her, scan booked",
            },
            Episode(new DateTime(2026, 2, 9, 22, 5, 0), "ROUTINE", "Mention it at your next appointment") with
            {
                Reasons = ["Cramps on 5 nights this week"],
                LeftScore = null,
                RcogPoints = 1,
            },
        ];

        var text = PdfInspector.Read(_writer.Pdf(Report(episodes))).Text;

        Assert.Contains("Flags (2)", text);
        Assert.Contains("Tue 3 Feb 2026, 01:40 — Urgent: contact your maternity unit today", text);
        Assert.Contains("Why: Left calf 2.5 cm bigger; Pain when walking", text);
        Assert.Contains("LEFt score 2 · RCOG points 3 — context only, never used to lower a level", text);
        Assert.Contains("Reviewed by Jo Reed on 3 Feb 2026: Phoned her, scan booked", text);
        Assert.Contains("Mon 9 Feb 2026, 22:05 — Mention it at your next appointment", text);
        Assert.Contains("LEFt score not applicable · RCOG points 1", text);
        Assert.Contains("Not yet reviewed", text);
        Assert.DoesNotContain("Nothing worrying here", text);
    }

    [Fact]
    public void Pdf_Flags_NewestFirst()
    {
        ReportEpisode[] episodes =
        [
            Episode(new DateTime(2026, 1, 10, 22, 0, 0), "URGENT", "Oldest flag"),
            Episode(new DateTime(2026, 3, 10, 22, 0, 0), "EMERGENCY", "Newest flag"),
            Episode(new DateTime(2026, 2, 10, 22, 0, 0), "ROUTINE", "Middle flag"),
        ];

        var text = PdfInspector.Read(_writer.Pdf(Report(episodes))).Text;

        string[] newestFirst = ["Newest flag", "Middle flag", "Oldest flag"];
        var positions = newestFirst.Select(r => text.IndexOf(r, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Pdf_NoFlags_SaysSo()
    {
        var text = PdfInspector.Read(_writer.Pdf(Report(Spread(20, 0)))).Text;

        Assert.Contains("Flags (0)", text);
        Assert.Contains("No flags in this period", text);
        Assert.DoesNotContain("more flags", text);
    }

    [Fact]
    public void Pdf_ResultThatIsOnlyUnansweredQuestions_IsNotListedAsAFlag()
    {
        var unanswered = ReportSamples.Episode(new DateTime(2026, 3, 28, 3, 0, 0), "ROUTINE", "Questions to answer") with { IsFlag = false };

        var text = PdfInspector.Read(_writer.Pdf(Report([unanswered]))).Text;

        Assert.Contains("Flags (0)", text);
        Assert.DoesNotContain("Questions to answer", text);
    }

    [Fact]
    public void Pdf_200EpisodesAnd60Flags_StaysOnePageAndCountsTheFlagsLeftOut()
    {
        var episodes = Spread(200, 60);
        Assert.Equal(60, episodes.Count(e => e.Level != "NONE"));

        var facts = PdfInspector.Read(_writer.Pdf(Report(episodes, weeks: Weeks(30))));

        Assert.Equal(1, facts.PageCount);
        var shown = episodes.Count(e => e.Level != "NONE" && facts.Text.Contains(e.Result, StringComparison.Ordinal));
        Assert.InRange(shown, 3, 59);
        var more = Regex.Match(facts.Text, @"…and (\d+) more flags: see the full log in LegCrampCare");
        Assert.True(more.Success, "the page says how many flags it left out");
        Assert.Equal(60 - shown, int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Pdf_300CharacterNameAndLongNotesWithNewlines_StayOnOnePageWithEveryLineInsideTheMargins()
    {
        var name = string.Concat(Enumerable.Repeat("Wolfgang-Maximiliane ", 15))[..300];
        var unbroken = new string('W', 300);
        var note = "Phoned her twice.\r\nNo answer the first time;\nscan booked\tfor Friday. " + string.Concat(Enumerable.Repeat("She says the pain is worse when walking uphill. ", 30));
        var episodes = Spread(30, 10).Select(e => e.Level == "NONE" ? e : e with
        {
            Reasons = [note, unbroken],
            ReviewedBy = unbroken,
            ReviewedAtUtc = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc),
            ReviewNote = note + " 🦵 ✔",
            Notes = note,
            Result = note,
        }).ToList();
        var patient = Patient(name) with { HospitalNumber = unbroken, RiskFactors = [note, note, note], Stage = note };

        var facts = PdfInspector.Read(_writer.Pdf(Report(episodes, patient, weeks: [new(unbroken, 3)])));

        Assert.Equal(1, facts.PageCount);
        Assert.Contains("Leg cramp summary for Wolfgang-Maximiliane", facts.Text);
        Assert.All(facts.Runs, run => Assert.True(run.Width <= ContentWidth, $"'{run.Text}' is {run.Width:0} pt wide"));
        Assert.Contains("Contains health information.", facts.Text);
    }

    [Fact]
    public void Pdf_EmptyReport_StillOnePage()
    {
        var facts = PdfInspector.Read(_writer.Pdf(Report([], weeks: [])));

        Assert.Equal(1, facts.PageCount);
        Assert.Contains("0 cramps logged on 0 nights", facts.Text);
        Assert.Contains("No weeks to show.", facts.Text);
        Assert.Contains("No pain scores recorded in this period.", facts.Text);
    }

    [Fact]
    public async Task Pdf_ManyAtOnce_EachIsACompleteOnePagePdf()
    {
        // The font resolver is process-global and set on first use: concurrent first calls must neither throw nor
        // produce text-less PDFs.
        var reports = Enumerable.Range(0, 8).Select(i => Report(Spread(20, 3), Patient($"Patient number {i}"))).ToList();

        var pdfs = await Task.WhenAll(reports.Select(r => Task.Run(() => _writer.Pdf(r))));

        for (var i = 0; i < pdfs.Length; i++)
        {
            var facts = PdfInspector.Read(pdfs[i]);
            Assert.Equal(1, facts.PageCount);
            Assert.Contains($"Leg cramp summary for Patient number {i}", facts.Text);
        }
    }
}
