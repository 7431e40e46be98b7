using System.Globalization;
using System.Text.RegularExpressions;
using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.RepairSteps;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

/// <summary>
/// The Atone stage in the browser, each partner in their own browser context: a letter drafted,
/// checked and shared, then answered; a commitment with its own log and an "I noticed"; a question
/// answered honestly and kept for a container. What one keeps private never shows on the other's pages.
/// </summary>
public sealed partial class AtoneTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string Journey = "After repeated let-downs or broken promises";

    [Fact]
    public Task A_letter_is_drafted_with_feedback_shared_read_without_its_drafts_and_answered() => app.InContextsAsync("atone-letter", 2, async pages =>
    {
        const string FirstDraft = "Eli, I broke my word about the weekend and I keep making excuses for it.";
        const string SecondDraft = "Eli, I broke my word about the weekend. It was my choice, and I am sorry.";
        const string Answer = "Thank you for writing it down. I need time, and I am still here.";
        var axe = new AxeAudit(output);
        var (noa, eli) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Noa", "Eli"], "The letter house", Journey, "Monogamy");

        // Noa starts a letter: private, the first draft kept.
        await noa.GotoAsync($"/spaces/{spaceId}/letters");
        await Assertions.Expect(noa.Heading("Letters of accountability")).ToBeVisibleAsync();
        var start = noa.Form("Start a letter");
        await start.GetByLabel("Your letter", new() { Exact = true }).FillAsync(FirstDraft);
        await start.GetByRole(AriaRole.Button, new() { Name = "Save the first draft" }).ClickAsync();
        await Assertions.Expect(noa).ToHaveURLAsync(new Regex($@"/spaces/{spaceId}/letters/[0-9a-f-]{{36}}$"));
        var letter = new Uri(noa.Url).AbsolutePath;
        await Assertions.Expect(noa.Heading("Your letter")).ToBeVisibleAsync();

        // A second draft; the feedback is on it, and both drafts are kept.
        var keepWriting = noa.Form("Keep writing");
        await Assertions.Expect(keepWriting.GetByLabel("Your letter", new() { Exact = true })).ToHaveValueAsync(FirstDraft);
        await keepWriting.GetByLabel("Your letter", new() { Exact = true }).FillAsync(SecondDraft);
        await keepWriting.GetByRole(AriaRole.Button, new() { Name = "Save this draft" }).ClickAsync();
        await Assertions.Expect(noa.Status("Draft saved.")).ToBeVisibleAsync();
        await Assertions.Expect(noa.GetByRole(AriaRole.Region, new() { Name = "Feedback on this draft" })).ToBeVisibleAsync();
        await noa.GetByText("Drafts (2)").ClickAsync();
        await Assertions.Expect(noa.Card(FirstDraft)).ToContainTextAsync("Draft 1");
        await Assertions.Expect(noa.Card(SecondDraft)).ToContainTextAsync("Draft 2");
        await axe.CheckAsync(noa, "letter, own draft with feedback");
        Assert.Contains("A draft letter you have not shared yet", await WaitingForMeAsync(noa, spaceId));

        // Eli cannot find it until Noa shares it.
        await ExpectNotFoundAsync(eli, letter);
        await noa.GotoAsync(letter);
        var share = noa.Form("Who can read it");
        await Assertions.Expect(share.GetByLabel(OnlyMe, new() { Exact = true })).ToBeCheckedAsync();
        await share.GetByLabel(MyPartners, new() { Exact = true }).CheckAsync();
        await share.GetByRole(AriaRole.Button, new() { Name = "Save who can read it" }).ClickAsync();
        await Assertions.Expect(noa.Status("Saved: my partners can read it now.")).ToBeVisibleAsync();

        // Eli reads the letter as shared: no feedback, no drafts, nothing of the private first draft; asked to answer it at home.
        Assert.Contains("A letter shared with you", await WaitingForMeAsync(eli, spaceId));
        await eli.GotoAsync($"/spaces/{spaceId}/letters");
        await eli.MainLink(SecondDraft).ClickAsync();
        await Assertions.Expect(eli).ToHaveURLAsync(PathIs(letter));
        await Assertions.Expect(eli.Heading("A letter")).ToBeVisibleAsync();
        await Assertions.Expect(eli.GetByRole(AriaRole.Main)).ToContainTextAsync(SecondDraft);
        await Assertions.Expect(eli.GetByRole(AriaRole.Region, new() { Name = "Feedback on this draft" })).ToHaveCountAsync(0);
        await Assertions.Expect(eli.GetByText(new Regex("^Drafts \\("))).ToHaveCountAsync(0);
        await Assertions.Expect(eli.GetByText("What it said before")).ToHaveCountAsync(0);
        Assert.DoesNotContain(FirstDraft, await eli.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(eli.Button("Save this draft")).ToHaveCountAsync(0);
        await Assertions.Expect(eli.Button("Save who can read it")).ToHaveCountAsync(0);
        await axe.CheckAsync(eli, "letter, shared with me");

        // Eli answers it, for the partners.
        var respond = eli.Form("Answer this letter");
        await Assertions.Expect(respond.GetByLabel(OnlyMe, new() { Exact = true })).ToBeCheckedAsync();
        await respond.GetByLabel("Your answer", new() { Exact = true }).FillAsync(Answer);
        await respond.GetByLabel(MyPartners, new() { Exact = true }).CheckAsync();
        await respond.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Assertions.Expect(eli.Status("Your answer is saved and shared.")).ToBeVisibleAsync();
        await Assertions.Expect(eli.Card(Answer)).ToContainTextAsync("You");
        Assert.DoesNotContain("A letter shared with you", await WaitingForMeAsync(eli, spaceId));

        // Noa reads the answer on the letter, by Eli's name.
        await noa.GotoAsync(letter);
        await Assertions.Expect(noa.Card(Answer)).ToContainTextAsync("Eli");
        await noa.GotoAsync($"/spaces/{spaceId}/letters");
        await Assertions.Expect(noa.Card(SecondDraft)).ToContainTextAsync("1 answer");
    });

    [Fact]
    public Task A_commitment_is_logged_by_its_author_noticed_by_the_other_and_drawn_as_a_chart() => app.InContextsAsync("atone-commitment", 2, async pages =>
    {
        const string What = "I will tell you when I am working late, before six.";
        const string KeptNote = "Texted at five that I would be late.";
        const string MissedNote = "I forgot, and told you only at dinner.";
        var axe = new AxeAudit(output);
        var (noa, eli) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Noa", "Eli"], "The commitment house", Journey, "Monogamy");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        // Noa makes a commitment, for the partners.
        await noa.GotoAsync($"/spaces/{spaceId}/commitments");
        await Assertions.Expect(noa.Heading("Repair commitments")).ToBeVisibleAsync();
        var make = noa.Form("Make a commitment");
        await make.GetByLabel("What I will do", new() { Exact = true }).FillAsync(What);
        await make.GetByLabel("How often", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Each time it comes up" });
        await make.GetByLabel(MyPartners, new() { Exact = true }).CheckAsync();
        await make.GetByRole(AriaRole.Button, new() { Name = "Make this commitment" }).ClickAsync();
        await Assertions.Expect(noa).ToHaveURLAsync(new Regex($@"/spaces/{spaceId}/commitments/[0-9a-f-]{{36}}$"));
        var commitment = new Uri(noa.Url).AbsolutePath;
        await Assertions.Expect(noa.Heading("Your commitment")).ToBeVisibleAsync();
        await Assertions.Expect(noa.GetByText("Nothing is logged yet.").First).ToBeVisibleAsync();

        // Two days logged: yesterday not kept, today kept.
        await LogDayAsync(noa, today.AddDays(-1), kept: false, MissedNote, "Logged. Saying so honestly is part of keeping it.");
        await LogDayAsync(noa, today, kept: true, KeptNote, "Logged. Thank you for keeping it.");
        await Assertions.Expect(noa.Card(KeptNote)).ToContainTextAsync("kept");
        await Assertions.Expect(noa.Card(MissedNote)).ToContainTextAsync("not this time");
        await axe.CheckAsync(noa, "commitment, own with a log");

        // Eli reads it from the list; "I noticed" only on the kept day, and nothing to log.
        await eli.GotoAsync($"/spaces/{spaceId}/commitments");
        await eli.MainLink(What).ClickAsync();
        await Assertions.Expect(eli).ToHaveURLAsync(PathIs(commitment));
        await Assertions.Expect(eli.Heading("A commitment")).ToBeVisibleAsync();
        await Assertions.Expect(eli.Button("Log it")).ToHaveCountAsync(0);
        await Assertions.Expect(eli.Card(MissedNote).GetByRole(AriaRole.Button, new() { Name = "I noticed" })).ToHaveCountAsync(0);
        await eli.Card(KeptNote).GetByRole(AriaRole.Button, new() { Name = "I noticed" }).ClickAsync();
        await Assertions.Expect(eli.Status("They will see that you noticed.")).ToBeVisibleAsync();
        await Assertions.Expect(eli.Card(KeptNote)).ToContainTextAsync("noticed by You");
        await Assertions.Expect(eli.Card(KeptNote).GetByRole(AriaRole.Button, new() { Name = "Take back \"I noticed\"" })).ToBeVisibleAsync();
        await axe.CheckAsync(eli, "commitment, someone else's");

        // Noa sees who noticed, and the follow-through chart drawn on the server with its counts.
        await noa.GotoAsync(commitment);
        await Assertions.Expect(noa.Card(KeptNote)).ToContainTextAsync("noticed by Eli");
        await Assertions.Expect(noa.Card(MissedNote)).Not.ToContainTextAsync("noticed by");
        var chart = noa.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Follow-through by week: 1 days kept, 1 not kept") });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.Equal("svg", await chart.EvaluateAsync<string>("e => e.tagName"));
        await Assertions.Expect(noa.Locator("svg circle.chart__noticed")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task A_question_is_asked_answered_honestly_and_kept_for_a_container() => app.InContextsAsync("atone-question", 2, async pages =>
    {
        const string Question = "Who else knew, while I did not?";
        const string Answer = "My brother knew. I asked him not to tell you.";
        var axe = new AxeAudit(output);
        var (noa, eli) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Noa", "Eli"], "The question house", Journey, "Monogamy");
        var honest = $"/spaces/{spaceId}/honest-answers";

        // Eli asks (for the partners, the default when asking).
        await eli.GotoAsync(honest);
        await Assertions.Expect(eli.Heading("Honest answers")).ToBeVisibleAsync();
        var ask = eli.Form("Ask a question");
        await Assertions.Expect(ask.GetByLabel(MyPartners, new() { Exact = true })).ToBeCheckedAsync();
        await ask.GetByLabel("Your question", new() { Exact = true }).FillAsync(Question);
        await ask.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(eli.Status("Asked.")).ToBeVisibleAsync();
        await Assertions.Expect(eli.Card(Question)).ToContainTextAsync("Not answered yet.");
        await Assertions.Expect(eli.Card(Question).GetByLabel("Your answer")).ToHaveCountAsync(0);

        // Noa is told at home, and answers.
        Assert.Contains("A question waiting for your answer", await WaitingForMeAsync(noa, spaceId));
        await noa.GotoAsync(honest);
        var card = noa.Card(Question);
        await Assertions.Expect(card).ToContainTextAsync("Asked by Eli");
        await card.GetByLabel("Your answer", new() { Exact = true }).FillAsync(Answer);
        await card.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        await Assertions.Expect(noa.Status("Your answer is saved.")).ToBeVisibleAsync();
        await Assertions.Expect(noa.Card(Question)).ToContainTextAsync(Answer);
        await axe.CheckAsync(noa, "honest answers, answered");
        Assert.DoesNotContain("A question waiting for your answer", await WaitingForMeAsync(noa, spaceId));

        // Eli reads the answer and keeps the question for a container; Noa sees the mark.
        await eli.GotoAsync(honest);
        await Assertions.Expect(eli.Card(Question)).ToContainTextAsync($"Noa answered");
        await Assertions.Expect(eli.Card(Question)).ToContainTextAsync(Answer);
        await Assertions.Expect(eli.Card(Question).GetByRole(AriaRole.Button, new() { Name = "Take the question back" })).ToHaveCountAsync(0);
        await eli.Card(Question).GetByRole(AriaRole.Button, new() { Name = "Keep it for a container" }).ClickAsync();
        await Assertions.Expect(eli.Status("Kept for the next container.")).ToBeVisibleAsync();
        await Assertions.Expect(eli.Card(Question)).ToContainTextAsync("For a container");
        await axe.CheckAsync(eli, "honest answers, kept for a container");
        await noa.GotoAsync(honest);
        await Assertions.Expect(noa.Card(Question)).ToContainTextAsync("For a container");
        await Assertions.Expect(noa.Card(Question).GetByRole(AriaRole.Button, new() { Name = "Answer it in writing after all" })).ToBeVisibleAsync();
    });

    /// <summary>On one's own commitment: "Log a day" for a day, kept or not, with a note; waits for the status it gives.</summary>
    private static async Task LogDayAsync(IPage page, DateOnly day, bool kept, string note, string status)
    {
        var log = page.Form("Log a day");
        await log.GetByLabel("Day", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await log.GetByLabel(kept ? "I kept it" : "Not this time", new() { Exact = true }).CheckAsync();
        await log.GetByLabel("A note (optional)", new() { Exact = true }).FillAsync(note);
        await log.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        await Assertions.Expect(page.Status(status)).ToBeVisibleAsync();
        await Assertions.Expect(page.Card(note)).ToHaveCountAsync(1);
    }
}
