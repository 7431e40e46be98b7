using System.Text.RegularExpressions;
using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.RepairSteps;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

public sealed partial class RepairJourneyTests
{
    /// <summary>
    /// Three partners: the decision point opens only with the third answer, and until then nobody's
    /// page changes when someone else answers; the stage moves only when all three feel ready.
    /// </summary>
    [Fact]
    public Task Three_partners_see_the_answers_only_after_the_third_and_move_on_only_all_together() => app.InContextsAsync("repair-three", 3, async pages =>
    {
        const string SpaceName = "Three of us";
        var axe = new AxeAudit(output);
        var (a, b, c) = (pages[0], pages[1], pages[2]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Ash", "Bo", "Cy"], SpaceName, Journey, "Several partners");
        var decision = $"/spaces/{spaceId}/decision";

        var ashAnswer = new DecisionAnswer(Yes, Yes, Yes, "Very sure", "Continue and repair", "Ash: I am in.");
        var boFirst = new DecisionAnswer(NotSureYet, null, NotSureYet, null, null);
        var boAnswer = new DecisionAnswer(NotSureYet, NotSureYet, Yes, "Fairly sure", "Continue and repair");
        var cyAnswer = new DecisionAnswer(NotNow, NotSureYet, null, "A little sure", "Pause and take space", "Cy: I need some room first.");

        // Before anyone answers.
        var boBefore = await MainSnapshotAsync(b, decision);
        var cyBefore = await MainSnapshotAsync(c, decision);
        var cyWaitingBefore = await WaitingForMeAsync(c, spaceId);

        // Ash answers: sealed for Ash, and nothing changes for Bo or Cy.
        await AnswerDecisionAsync(a, spaceId, ashAnswer);
        await Assertions.Expect(a.GetByText(WaitingForEveryone)).ToBeVisibleAsync();
        var ashWaiting = await MainSnapshotAsync(a, decision);
        Assert.Equal(boBefore, await MainSnapshotAsync(b, decision));
        Assert.Equal(cyBefore, await MainSnapshotAsync(c, decision));

        // Bo answers, then changes the answer while it is still sealed; still nothing for Cy, and
        // Ash's page does not change either: no count, no names.
        await AnswerDecisionAsync(b, spaceId, boFirst);
        await Assertions.Expect(b.GetByText(WaitingForEveryone)).ToBeVisibleAsync();
        await ExpectDecisionAnswerAsync(b, "Your answer, sealed", boFirst);
        await b.GetByText("Change your answer", new() { Exact = true }).ClickAsync();
        await b.Question(Release).GetByLabel(NotSureYet, new() { Exact = true }).CheckAsync();
        await b.Question(Sureness).GetByLabel("Fairly sure", new() { Exact = true }).CheckAsync();
        await b.GetByRole(AriaRole.Group, new() { Name = PathQuestion }).GetByLabel("Continue and repair", new() { Exact = true }).CheckAsync();
        await b.Question(Happy).GetByLabel(Yes, new() { Exact = true }).CheckAsync();
        await b.Button("Seal my changed answer").ClickAsync();
        await Assertions.Expect(b.Status("Your answer is sealed.")).ToBeVisibleAsync();
        await ExpectDecisionAnswerAsync(b, "Your answer, sealed", boAnswer);
        await axe.CheckAsync(b, "decision point, changed while sealed");
        Assert.Equal(ashWaiting, await MainSnapshotAsync(a, decision));
        Assert.Equal(cyBefore, await MainSnapshotAsync(c, decision));
        await Assertions.Expect(c.GetByText(WaitingForEveryone)).ToHaveCountAsync(0);
        Assert.Equal(cyWaitingBefore, await WaitingForMeAsync(c, spaceId));

        // Cy's answer, the third, opens all three to everyone.
        await AnswerDecisionAsync(c, spaceId, cyAnswer);
        foreach (var (page, mine, others) in new[]
        {
            (a, ashAnswer, new[] { ("Bo", boAnswer), ("Cy", cyAnswer) }),
            (b, boAnswer, new[] { ("Ash", ashAnswer), ("Cy", cyAnswer) }),
            (c, cyAnswer, new[] { ("Ash", ashAnswer), ("Bo", boAnswer) }),
        })
        {
            await page.GotoAsync(decision);
            await Assertions.Expect(page.GetByText(WaitingForEveryone)).ToHaveCountAsync(0);
            await ExpectDecisionAnswerAsync(page, "Your answer", mine);
            foreach (var (name, answer) in others)
            {
                await ExpectDecisionAnswerAsync(page, name, answer);
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paths from here" })).ToBeVisibleAsync();
        }

        await axe.CheckAsync(c, "decision point, three answers open");

        // A new round: round 1 stays as it was, under earlier rounds; round 2 is sealed again.
        await c.Button("Start a new round").ClickAsync();
        await Assertions.Expect(c.Status("A new round is open. Answer it when you are ready.")).ToBeVisibleAsync();
        await Assertions.Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Round 2" })).ToBeVisibleAsync();
        await Assertions.Expect(c.Button("Seal my answer")).ToBeVisibleAsync();
        await a.GotoAsync(decision);
        await Assertions.Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Round 2" })).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Earlier rounds" })).ToBeVisibleAsync();
        await a.GetByText(new Regex("^Round 1, opened to everyone on ")).ClickAsync();
        await ExpectDecisionAnswerAsync(a, "Cy", cyAnswer);
        await axe.CheckAsync(a, "decision point, a new round");
        Assert.Contains("A new round of the decision point is open for your answer.", await WaitingForMeAsync(b, spaceId));

        // Stages: Ash and Bo feel ready; Cy's page shows nothing of it, and the space stays in Atone.
        var cyStages = await MainSnapshotAsync(c, $"/spaces/{spaceId}/stages");
        await FeelReadyAsync(a, spaceId, "Attune", moves: false);
        await FeelReadyAsync(b, spaceId, "Attune", moves: false);
        Assert.Equal(cyStages, await MainSnapshotAsync(c, $"/spaces/{spaceId}/stages"));
        await ExpectStageAsync(a, spaceId, "Atone");
        await Assertions.Expect(a.Button("Take it back")).ToBeVisibleAsync();
        await ExpectStageAsync(c, spaceId, "Atone");

        // Cy feels ready too: all three are in Attune.
        await FeelReadyAsync(c, spaceId, "Attune", moves: true);
        foreach (var page in pages)
        {
            await ExpectStageAsync(page, spaceId, "Attune");
            await Assertions.Expect(page.Button("I feel ready to move on to Attach")).ToBeVisibleAsync();
        }

        // A conversation about nothing in particular, started from the list: nobody has the floor
        // until someone takes it; both others write back what they heard, and Ash confirms one.
        const string BoHeard = "What I heard is that you want us to keep Sundays for the three of us.";
        await c.GotoAsync($"/spaces/{spaceId}/conversations");
        await Assertions.Expect(c.Heading("Rebuilding conversations")).ToBeVisibleAsync();
        await axe.CheckAsync(c, "conversations, none yet");
        await Assertions.Expect(c.Field("What is it about? (optional)")).ToHaveValueAsync("");
        await c.Button("Start").ClickAsync();
        await Assertions.Expect(c.Heading("A rebuilding conversation")).ToBeVisibleAsync();
        var conversation = new Uri(c.Url).AbsolutePath;
        await Assertions.Expect(c.Floor()).ToHaveTextAsync("Nobody has the floor yet. Choose who speaks first.");
        await Assertions.Expect(c.GetByLabel(new Regex("^What I heard"))).ToHaveCountAsync(0);
        await Assertions.Expect(c.GetByRole(AriaRole.Main).Locator(".button-row").GetByRole(AriaRole.Button)).ToHaveTextAsync(["Ash speaks", "Bo speaks", "I'll speak"]);

        await a.GotoAsync($"/spaces/{spaceId}/conversations");
        await a.MainLink("A conversation").ClickAsync();
        await Assertions.Expect(a).ToHaveURLAsync(PathIs(conversation));
        await a.Button("I'll speak").ClickAsync();
        await Assertions.Expect(a.Floor()).ToHaveTextAsync("You have the floor. The others listen, then write back what they heard.");
        await b.GotoAsync(conversation);
        await Assertions.Expect(b.Floor()).ToHaveTextAsync("Ash has the floor. Listen, then write back what you heard.");
        await b.Field("What I heard Ash say").FillAsync(BoHeard);
        await b.Button("Write it back").ClickAsync();
        await Assertions.Expect(b.Card(BoHeard)).ToContainTextAsync("You heard Ash say:");
        await c.ReloadAsync();
        await Assertions.Expect(c.Card(BoHeard)).ToContainTextAsync("Bo heard Ash say:");
        await Assertions.Expect(c.Card(BoHeard).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await a.ReloadAsync();
        await a.Card(BoHeard).GetByRole(AriaRole.Button, new() { Name = "Yes, that's it" }).ClickAsync();
        await Assertions.Expect(a.Status("Confirmed.")).ToBeVisibleAsync();
        await Assertions.Expect(a.Card(BoHeard)).ToContainTextAsync("you: yes, that's it");
        await b.ReloadAsync();
        await Assertions.Expect(b.Card(BoHeard)).ToContainTextAsync("Ash: yes, that's it");
        await axe.CheckAsync(b, "conversation, three partners");

        axe.AssertNoSeriousViolations();
    });
}
