using System.Text.RegularExpressions;
using Kintsugi.Web.Features.Repair;

namespace Kintsugi.Tests.Unit;

/// <summary>The rules of the repair journey that need no database: its content file, roles, times and calendar files.</summary>
public sealed partial class RepairRulesTests
{
    private static readonly string[] PromptRoles = ["hurt", "causedHarm", "both", "other"];
    private static readonly string[] KindKeys = ["infidelity", "broken-word", "withholding", "lying", "manipulation", "not-accountable", "needs-ignored", "sexual-trust", "other"];

    [Fact]
    public void The_content_file_has_every_key_the_pages_and_rules_look_up()
    {
        var content = JourneyContent.English;
        Assert.Equal(["amends", "release", "happy"], content.Decision.Questions.Select(q => q.Key));
        Assert.Equal(["yes", "unsure", "no"], content.Decision.Answers.Select(a => a.Key));
        Assert.Equal(["1", "2", "3", "4", "5"], content.Decision.Sureness.Select(a => a.Key));
        Assert.Equal(["continue", "pause", "part"], content.Decision.Paths.Select(p => p.Key));
        Assert.Equal(KindKeys, content.Breach.Kinds.Select(k => k.Key));
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.NotNull(content.FindStage(WhereWeAre.Key(stage)));
        }

        foreach (var step in Enum.GetValues<ConversationStep>())
        {
            Assert.NotNull(content.FindStep(Steps.Key(step)));
        }

        Assert.NotEmpty(content.Home.GentleWords);
        Assert.Equal(["account", "conversation", "decision", "decisionNewRound", "decisionNotPartOf", "reflection", "stageBack"], content.Home.Waiting.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_stage_and_every_conversation_step_speaks_to_every_role_in_a_breach()
    {
        var content = JourneyContent.English;
        foreach (var role in PromptRoles)
        {
            foreach (var stage in content.Stages)
            {
                Assert.True(stage.ByRole.Any(p => p.Role == role), $"Stage {stage.Key} has no prompt for {role}.");
            }

            foreach (var step in content.Conversation.Steps)
            {
                Assert.True(step.Prompts.Any(p => p.Role == role), $"Step {step.Key} has no prompt for {role}.");
            }

            Assert.True(content.Breach.AccountPrompts.Any(p => p.Role == role), $"No account prompt for {role}.");
        }

        var all = content.Stages.SelectMany(s => s.ByRole)
            .Concat(content.Conversation.Steps.SelectMany(s => s.Prompts))
            .Concat(content.Breach.AccountPrompts)
            .Concat(content.Breach.ImpactPrompts)
            .ToList();
        Assert.All(all, p => Assert.Contains(p.Role, PromptRoles.Append(RoleKeys.Everyone)));
        Assert.All(all, p => Assert.True(p.Turn is null or "speaker" or "listener", $"Unknown turn {p.Turn}."));
        Assert.True(all.Count >= 150, $"Only {all.Count} prompts: CONTENT.md asks for depth, and a cut-down file would go unnoticed otherwise.");
    }

    [Fact]
    public void The_words_are_never_blaming_and_waiting_names_or_counts_nobody()
    {
        var json = ContentText();
        foreach (var word in new[] { "victim", "cheater", "betrayer", "cheating spouse" })
        {
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        }

        // "Waiting for everyone" must not say how many, or who: that would unseal the answers.
        Assert.DoesNotMatch(Digits(), JourneyContent.English.Decision.Waiting);
        Assert.DoesNotContain("partner has", JourneyContent.English.Decision.Waiting, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_person_without_a_part_in_any_breach_reads_the_prompts_for_another_partner()
    {
        Assert.Equal(["other"], RoleKeys.For([]));
        Assert.Equal(["other"], RoleKeys.For([null]));
        Assert.Equal(["hurt"], RoleKeys.For([BreachRole.Hurt, null]));
        Assert.Equal(["causedHarm", "both"], RoleKeys.For([BreachRole.CausedHarm, BreachRole.Both, BreachRole.CausedHarm]));
    }

    [Fact]
    public void The_next_conversation_time_survives_the_round_trip_and_nonsense_is_refused()
    {
        Assert.True(NextTime.TryParseLocal("2026-12-01T19:00", out var local));
        var next = new NextTime(local, 45);
        Assert.Equal("2026-12-01T19:00/45", next.Text);
        Assert.Equal(next, NextTime.Parse(next.Text));
        Assert.True(NextTime.TryParseLocal("2026-12-01T19:00:00", out _));
        Assert.False(NextTime.TryParseLocal("tomorrow at seven", out _));
        Assert.False(NextTime.TryParseLocal("2026-13-01T19:00", out _));
        Assert.Null(NextTime.Parse(""));
        Assert.Null(NextTime.Parse("2026-12-01T19:00"));
    }

    [Fact]
    public void The_calendar_file_is_a_neutral_floating_event_with_crlf_lines()
    {
        var id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
        var ics = CalendarFile.Build(id, new NextTime(new DateTime(2026, 12, 1, 19, 0, 0, DateTimeKind.Unspecified), 90), "kintsugi.example", new DateTime(2026, 11, 23, 8, 5, 0, DateTimeKind.Utc));
        var lines = ics.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("DTSTART:20261201T190000", lines);
        Assert.Contains("DTEND:20261201T203000", lines);
        Assert.Contains("DTSTAMP:20261123T080500Z", lines);
        Assert.Contains($"UID:{id:N}@kintsugi.example", lines);
        Assert.Contains("PRODID:-//Calendar//EN", lines);
        Assert.Contains("SUMMARY:Time together", lines);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    private static string ContentText()
    {
        using var stream = typeof(JourneyContent).Assembly.GetManifestResourceStream("content/journey.en.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digits();
}
