using System.Text.RegularExpressions;
using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.RepairSteps;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

/// <summary>
/// The repair journey in the browser, each partner in their own browser context: what happened,
/// the decision point with sealed answers, the stages that move only together, and a rebuilding
/// conversation. What one partner does privately (answering, feeling ready) never shows on another's
/// pages (PRODUCT.md principle 3).
/// </summary>
public sealed partial class RepairJourneyTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string Journey = "After repeated let-downs or broken promises";

    [Fact]
    public Task A_couple_walks_all_five_parts_of_the_repair_journey() => app.InContextsAsync("repair-couple", 2, async pages =>
    {
        const string SpaceName = "The blue house";
        const string Title = "The weekend in Lisbon";
        const string OtherKind = "Money moved without telling";
        const string SecondTitle = "Something I was not ready to share";
        const string NoaAccount = "Noa's account: I said I would come home on Friday and I stayed away until Sunday.";
        const string EliAccount = "Eli's account: I waited at the station, then I stopped waiting.";
        const string EliImpact = "Eli, what it did: I check my phone at every station now.";
        const string Heard = "What I heard is that waiting at the station felt like being forgotten.";
        const string Correction = "Not forgotten: I felt I didn't count.";
        const string NoaNote = "Noa's note for us both: next time I will keep my phone in the other room.";
        const string EliNote = "Eli, only for me: I was braver than I expected today.";
        const string NextSteps = "Noa writes the accountability letter draft; Eli chooses the next container time.";
        var axe = new AxeAudit(output);
        var (a, b) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Noa", "Eli"], SpaceName, Journey, "Monogamy");

        // Home before anything: the space is in Atone, and the decision point waits for each partner.
        await a.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync("You are in Atone:");
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync("After Atone comes Attune.");
        await axe.CheckAsync(a, "space home, repair journey");
        Assert.Equal(["Answer the decision point, privately. Nobody sees any answer until everyone has answered."], await WaitingForMeAsync(b, spaceId));

        // 1. What happened: Noa records it, naming Eli as hurt and themself as having caused harm, for the partners.
        await a.GotoAsync($"/spaces/{spaceId}/what-happened");
        await Assertions.Expect(a.GetByText("No breach is recorded that you can read.")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "what happened, none yet");
        var breachId = await RecordBreachAsync(a, spaceId, new BreachDetails(
            Title,
            ["Going back on one's word", "Something else"],
            OtherKind,
            "2025-03-14",
            new Dictionary<string, string> { ["Noa (you)"] = CausedHarm, ["Eli"] = Hurt },
            MyPartners));
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync($"Going back on one's word · {OtherKind}");
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync("Came to light on 14 March 2025.");
        await Assertions.Expect(a.GetByText("Noa: the partner who caused harm")).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText("Eli: the partner who was hurt")).ToBeVisibleAsync();
        // Noa caused harm: the prompts are for that part, and "What it did to you" is not offered.
        await Assertions.Expect(a.Form("Your own account")).ToContainTextAsync("Prompts for the other partners' parts");
        await Assertions.Expect(a.GetByRole(AriaRole.Heading, new() { Name = "What it did to you" })).ToHaveCountAsync(0);
        await axe.CheckAsync(a, "breach record, own");

        // Both have a part in it, so each is offered to write their own account, at home.
        var ownAccount = $"When you are ready: your own account of \u201c{Title}\u201d.";
        Assert.Contains(ownAccount, await WaitingForMeAsync(a, spaceId));
        Assert.Contains(ownAccount, await WaitingForMeAsync(b, spaceId));

        // Eli reads it in the list, writes their own account and what it did to them, for the partners.
        await b.GotoAsync($"/spaces/{spaceId}/what-happened");
        await b.MainLink(Title).ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(PathIs($"/spaces/{spaceId}/what-happened/{breachId}"));
        await Assertions.Expect(b.Heading(Title)).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("Shared with the partners")).ToBeVisibleAsync();
        await Assertions.Expect(b.Form("Your own account")).ToContainTextAsync("How did you find out, or how did it come to light?");
        await Assertions.Expect(b.Form("What it did to you")).ToContainTextAsync("What has this changed in your days");
        // Only the author edits, shares or deletes the record.
        await Assertions.Expect(b.GetByText("Edit the record")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Button("Delete this record")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Button("Save who can read it")).ToHaveCountAsync(0);
        await axe.CheckAsync(b, "breach record, someone else's");
        await WriteAboutBreachAsync(b, "Your own account", "In your own words", EliAccount, MyPartners, "Save my account");
        await WriteAboutBreachAsync(b, "What it did to you", "What it did to you", EliImpact, MyPartners, "Save");
        await Assertions.Expect(b.Card(EliImpact)).ToContainTextAsync("What it did to you");
        await Assertions.Expect(b.Card(EliAccount)).ToContainTextAsync("Your account");
        await axe.CheckAsync(b, "breach record, accounts written");
        Assert.DoesNotContain(ownAccount, await WaitingForMeAsync(b, spaceId));
        Assert.Contains(ownAccount, await WaitingForMeAsync(a, spaceId));

        // Noa reads both, adds a kind to the record (Eli sees it was edited), and keeps their own account private.
        await a.GotoAsync($"/spaces/{spaceId}/what-happened/{breachId}");
        await Assertions.Expect(a.Card(EliAccount)).ToContainTextAsync("Eli · their account");
        await Assertions.Expect(a.Card(EliImpact)).ToContainTextAsync("Eli · what it did to them");
        // The edit form is folded away under its summary, which names no group: found by that summary's text.
        var edit = a.Locator("form").Filter(new() { Has = a.GetByText("Edit the record", new() { Exact = true }) });
        await a.GetByText("Edit the record", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(edit.GetByLabel("A short, neutral title (optional)")).ToHaveValueAsync(Title);
        await Assertions.Expect(edit.Kind("Going back on one's word")).ToBeCheckedAsync();
        await Assertions.Expect(edit.GetByLabel("Eli", new() { Exact = true })).ToHaveValueAsync("Hurt");
        await edit.Kind("Half-truths or lying").CheckAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(a.Status("Saved.")).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync($"Going back on one's word · Half-truths or lying · {OtherKind}");
        await WriteAboutBreachAsync(a, "Your own account", "In your own words", NoaAccount, OnlyMe, "Save my account");
        Assert.DoesNotContain(ownAccount, await WaitingForMeAsync(a, spaceId));
        await b.GotoAsync($"/spaces/{spaceId}/what-happened/{breachId}");
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).ToContainTextAsync("Half-truths or lying");
        await Assertions.Expect(b.GetByText(new Regex("^edited "))).ToBeVisibleAsync();
        await Assertions.Expect(b.Card(EliAccount)).ToHaveCountAsync(1);
        await Assertions.Expect(b.GetByText(NoaAccount)).ToHaveCountAsync(0);

        // A second record Noa first keeps private: Eli can't find it until Noa shares it.
        var secondId = await RecordBreachAsync(a, spaceId, new BreachDetails(SecondTitle, [], null, null, new Dictionary<string, string>(), OnlyMe));
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/what-happened/{secondId}");
        await b.GotoAsync($"/spaces/{spaceId}/what-happened");
        await Assertions.Expect(b.MainLink(Title)).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(SecondTitle)).ToHaveCountAsync(0);
        var share = a.Locator("form").Filter(new() { Has = a.Button("Save who can read it") });
        await Assertions.Expect(share.GetByLabel(OnlyMe, new() { Exact = true })).ToBeCheckedAsync();
        await share.GetByLabel(MyPartners, new() { Exact = true }).CheckAsync();
        await share.GetByRole(AriaRole.Button, new() { Name = "Save who can read it" }).ClickAsync();
        await Assertions.Expect(a.Status("Saved: my partners can read it now.")).ToBeVisibleAsync();
        await b.GotoAsync($"/spaces/{spaceId}/what-happened/{secondId}");
        await Assertions.Expect(b.Heading(SecondTitle)).ToBeVisibleAsync();

        // Noa deletes it: gone for both.
        await a.Button("Delete this record").ClickAsync();
        await Assertions.Expect(a).ToHaveURLAsync(PathIs($"/spaces/{spaceId}/what-happened"));
        await Assertions.Expect(a.MainLink(Title)).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText(SecondTitle)).ToHaveCountAsync(0);
        await ExpectNotFoundAsync(b, $"/spaces/{spaceId}/what-happened/{secondId}");
        await axe.CheckAsync(a, "what happened, one record");

        // 2. The decision point: Noa answers first, skipping one question.
        var noaAnswer = new DecisionAnswer(Yes, null, NotSureYet, "Somewhat sure", "Continue and repair", "I want us to try, slowly.");
        var eliAnswer = new DecisionAnswer(NotSureYet, NotSureYet, Yes, "A little sure", "Pause and take space");
        var eliDecisionBefore = await MainSnapshotAsync(b, $"/spaces/{spaceId}/decision");
        var eliWaitingBefore = await WaitingForMeAsync(b, spaceId);
        await a.GotoAsync($"/spaces/{spaceId}/decision");
        await axe.CheckAsync(a, "decision point, open");
        await AnswerDecisionAsync(a, spaceId, noaAnswer);
        await Assertions.Expect(a.GetByText(WaitingForEveryone)).ToBeVisibleAsync();
        await ExpectDecisionAnswerAsync(a, "Your answer, sealed", noaAnswer);
        await axe.CheckAsync(a, "decision point, waiting");

        // Eli's page is exactly as it was: no answer, no name, no count, no hint that Noa answered.
        Assert.Equal(eliDecisionBefore, await MainSnapshotAsync(b, $"/spaces/{spaceId}/decision"));
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Noa");
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("I want us to try, slowly.");
        await Assertions.Expect(b.GetByText(WaitingForEveryone)).ToHaveCountAsync(0);
        Assert.Equal(eliWaitingBefore, await WaitingForMeAsync(b, spaceId));

        // Eli answers: both answers open together, for both of them, with the paths from here.
        await AnswerDecisionAsync(b, spaceId, eliAnswer);
        foreach (var (page, other, mine, theirs) in new[] { (a, "Eli", noaAnswer, eliAnswer), (b, "Noa", eliAnswer, noaAnswer) })
        {
            await page.GotoAsync($"/spaces/{spaceId}/decision");
            await Assertions.Expect(page.GetByText("Everyone has answered, and the answers are now open.")).ToBeVisibleAsync();
            await ExpectDecisionAnswerAsync(page, "Your answer", mine);
            await ExpectDecisionAnswerAsync(page, other, theirs);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paths from here" })).ToBeVisibleAsync();
            foreach (var path in Paths)
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = path, Level = 3 })).ToBeVisibleAsync();
            }

            await Assertions.Expect(page.Button("Start a new round")).ToBeVisibleAsync();
            await Assertions.Expect(page.Button("Seal my answer")).ToHaveCountAsync(0);
        }

        await axe.CheckAsync(b, "decision point, open to everyone");

        // 3. Stages: Noa feels ready (and takes it back once); Eli's page shows nothing of it.
        await ExpectStageAsync(b, spaceId, "Atone");
        var eliStagesBefore = await MainSnapshotAsync(b, $"/spaces/{spaceId}/stages");
        await axe.CheckAsync(b, "stages, atone");
        await FeelReadyAsync(a, spaceId, "Attune", moves: false);
        await a.Button("Take it back").ClickAsync();
        await Assertions.Expect(a.Status("Taken back. Nobody was told.")).ToBeVisibleAsync();
        await FeelReadyAsync(a, spaceId, "Attune", moves: false);
        await axe.CheckAsync(a, "stages, ready");
        Assert.Equal(eliStagesBefore, await MainSnapshotAsync(b, $"/spaces/{spaceId}/stages"));
        await ExpectStageAsync(b, spaceId, "Atone");

        // Eli feels ready too: the space moves on, for both.
        await FeelReadyAsync(b, spaceId, "Attune", moves: true);
        await ExpectStageAsync(a, spaceId, "Attune");
        await Assertions.Expect(a.Button("I feel ready to move on to Attach")).ToBeVisibleAsync();

        // Noa proposes going back to Atone: Eli sees the proposal, agrees, and the space goes back.
        await a.Button("Propose going back to Atone").ClickAsync();
        await Assertions.Expect(a.Status("Saved. The space goes back when every partner agrees.")).ToBeVisibleAsync();
        await Assertions.Expect(a.Button("Withdraw the proposal")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "stages, proposed going back");
        Assert.Contains("A partner would like to go back to Atone. Do you agree?", await WaitingForMeAsync(b, spaceId));
        await ExpectStageAsync(b, spaceId, "Attune");
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).ToContainTextAsync("A partner would like to go back to Atone.");
        await axe.CheckAsync(b, "stages, a proposal to go back");
        await b.Button("Agree to go back to Atone").ClickAsync();
        await Assertions.Expect(b.Status("Everyone agreed: you are in Atone now.")).ToBeVisibleAsync();
        await ExpectStageAsync(b, spaceId, "Atone");
        await ExpectStageAsync(a, spaceId, "Atone");
        await Assertions.Expect(a.Button("I feel ready to move on to Attune")).ToBeVisibleAsync();

        // 4. A rebuilding conversation, started from the record: Eli, who was hurt, has the floor first.
        await a.GotoAsync($"/spaces/{spaceId}/what-happened/{breachId}");
        await a.Button("Start a rebuilding conversation about this").ClickAsync();
        await Assertions.Expect(a).ToHaveURLAsync(new Regex($@"/spaces/{spaceId}/conversations/[0-9a-f-]{{36}}$"));
        var conversation = new Uri(a.Url).AbsolutePath;
        await Assertions.Expect(a.Heading($"Talking about \u201c{Title}\u201d")).ToBeVisibleAsync();
        await Assertions.Expect(a.Floor()).ToHaveTextAsync("Eli has the floor. Listen, then write back what you heard.");
        await Assertions.Expect(a.StepButton("1. Listen")).ToHaveAttributeAsync("aria-current", "step");
        await axe.CheckAsync(a, "conversation, listening");

        await b.GotoAsync($"/spaces/{spaceId}/conversations");
        await b.MainLink($"About \u201c{Title}\u201d").ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(PathIs(conversation));
        await Assertions.Expect(b.Floor()).ToHaveTextAsync("You have the floor. The others listen, then write back what they heard.");
        await Assertions.Expect(b.GetByLabel("What I heard Noa say")).ToHaveCountAsync(0);
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).ToContainTextAsync("What has been the hardest part of this for you?");

        // Noa writes back what they heard; Eli is asked, on the conversation and at home, whether that's it.
        await a.Field("What I heard Eli say").FillAsync(Heard);
        await a.Button("Write it back").ClickAsync();
        await Assertions.Expect(a.Card(Heard)).ToContainTextAsync("You heard Eli say:");
        Assert.Contains("Someone wrote back what they heard you say. Is that it?", await WaitingForMeAsync(b, spaceId));
        Assert.DoesNotContain("Someone wrote back what they heard you say. Is that it?", await WaitingForMeAsync(a, spaceId));
        await b.GotoAsync(conversation);
        var heard = b.Card(Heard);
        await Assertions.Expect(heard).ToContainTextAsync("Noa heard you say:");
        await Assertions.Expect(heard.GetByRole(AriaRole.Button, new() { Name = "Yes, that's it" })).ToBeVisibleAsync();
        await axe.CheckAsync(b, "conversation, a reflection to confirm");
        await heard.GetByLabel("Not quite. What I meant was… (optional)").FillAsync(Correction);
        await heard.GetByRole(AriaRole.Button, new() { Name = "Not quite", Exact = true }).ClickAsync();
        await Assertions.Expect(b.Status("Saved. Now it's their turn to try again.")).ToBeVisibleAsync();
        await Assertions.Expect(b.Card(Heard)).ToContainTextAsync("you: not quite");
        await Assertions.Expect(b.Card(Heard)).ToContainTextAsync(Correction);
        await Assertions.Expect(b.Card(Heard).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await a.GotoAsync(conversation);
        await Assertions.Expect(a.Card(Heard)).ToContainTextAsync("Eli: not quite");
        await Assertions.Expect(a.Card(Heard)).ToContainTextAsync(Correction);

        // Eli passes the floor to Noa.
        await b.Button("Noa speaks").ClickAsync();
        await Assertions.Expect(b.Status("The floor has passed.")).ToBeVisibleAsync();
        await Assertions.Expect(b.Floor()).ToHaveTextAsync("Noa has the floor. Listen, then write back what you heard.");
        await Assertions.Expect(b.Field("What I heard Noa say")).ToBeVisibleAsync();
        await a.ReloadAsync();
        await Assertions.Expect(a.Floor()).ToHaveTextAsync("You have the floor. The others listen, then write back what they heard.");
        await Assertions.Expect(a.Button("Eli speaks")).ToBeVisibleAsync();
        await Assertions.Expect(a.Button("I'll speak")).ToHaveCountAsync(0);

        // Noa is flooded and pauses for twenty minutes: Eli sees the pause and what helps.
        await a.GetByText("Feeling flooded? Take a pause").ClickAsync();
        await a.Button("Pause for 20 minutes").ClickAsync();
        await Assertions.Expect(a.Status("Paused. Take care of yourselves; the conversation will be here.")).ToBeVisibleAsync();
        await b.ReloadAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Paused until \\d{2}:\\d{2} UTC$") })).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(new Regex("That is about (19|20) more minutes"))).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("Taking a break.")).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("Take at least twenty minutes.", new() { Exact = false })).ToBeVisibleAsync();
        await axe.CheckAsync(b, "conversation, paused");
        await b.Button("We are ready to go on").ClickAsync();
        await Assertions.Expect(b.Status("Welcome back.")).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Paused until") })).ToHaveCountAsync(0);

        // Steps can be skipped and revisited: on to the apology, then back to listening.
        await a.ReloadAsync();
        await a.StepButton("3. The apology").ClickAsync();
        await Assertions.Expect(a.Status("Step 3: The apology.")).ToBeVisibleAsync();
        await Assertions.Expect(a.StepButton("3. The apology")).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(a.GetByRole(AriaRole.Heading, new() { Name = "The apology", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText("Nothing written back in this step yet.")).ToBeVisibleAsync();
        await b.ReloadAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "The apology", Level = 2 })).ToBeVisibleAsync();
        await b.StepButton("1. Listen").ClickAsync();
        await Assertions.Expect(b.Status("Step 1: Listen.")).ToBeVisibleAsync();
        await Assertions.Expect(b.Card(Heard)).ToContainTextAsync(Correction);

        // Notes follow their own audience: Noa's shared note reaches Eli, Eli's private one stays with Eli.
        await b.Field("A note").FillAsync(EliNote);
        await b.Button("Save the note").ClickAsync();
        await Assertions.Expect(b.GetByText(EliNote)).ToBeVisibleAsync();
        await a.ReloadAsync();
        await a.Field("A note").FillAsync(NoaNote);
        await a.Field(MyPartners).CheckAsync();
        await a.Button("Save the note").ClickAsync();
        await Assertions.Expect(a.GetByText(NoaNote)).ToBeVisibleAsync();
        await Assertions.Expect(a.Field("A note")).ToBeEmptyAsync();
        await Assertions.Expect(a.GetByText(EliNote)).ToHaveCountAsync(0);
        await b.ReloadAsync();
        await Assertions.Expect(b.GetByText(NoaNote)).ToBeVisibleAsync();

        // Agreed next steps, and the next conversation in each partner's calendar.
        await a.ReloadAsync();
        await a.Field("What you agreed to do next").FillAsync(NextSteps);
        await a.Button("Save the next steps").ClickAsync();
        await Assertions.Expect(a.Status("Next steps saved.")).ToBeVisibleAsync();
        var next = NextConversationAt(daysAhead: 7);
        await a.Field("Date and time").FillAsync(DateTimeLocal(next));
        await a.Field("How long (minutes)").FillAsync("45");
        await a.Button("Save the time").ClickAsync();
        await Assertions.Expect(a.Status("Saved. You can add it to your calendar below.")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "conversation, next time saved");

        await b.ReloadAsync();
        await Assertions.Expect(b.Field("What you agreed to do next")).ToHaveValueAsync(NextSteps);
        await Assertions.Expect(b.Field("Date and time")).ToHaveValueAsync(DateTimeLocal(next));
        var download = await b.RunAndWaitForDownloadAsync(() => b.Link("Add it to your calendar (.ics)").ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var calendar = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"DTSTART:{next:yyyyMMdd'T'HHmm}00", calendar, StringComparison.Ordinal);
        Assert.Contains($"DTEND:{next.AddMinutes(45):yyyyMMdd'T'HHmm}00", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Time together", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(Title, calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisbon", calendar, StringComparison.Ordinal);

        // 5. Home: where the space is, and what waits for each of them, from their own state only.
        var at = $"Your next conversation: {next:yyyy-MM-dd HH:mm}.";
        Assert.Equal([at], await WaitingForMeAsync(a, spaceId));
        Assert.Equal([at], await WaitingForMeAsync(b, spaceId));
        await Assertions.Expect(b.GetByRole(AriaRole.Main)).ToContainTextAsync("You are in Atone:");
        await axe.CheckAsync(b, "space home, next conversation waiting");

        // Closing the conversation for now, and opening it again.
        await b.GotoAsync(conversation);
        await b.Button("Close this conversation for now").ClickAsync();
        await Assertions.Expect(b.Status("Closed for now. Everything in it stays here.")).ToBeVisibleAsync();
        await b.Button("Open it again").ClickAsync();
        await Assertions.Expect(b.Status("Open again.")).ToBeVisibleAsync();

        axe.AssertNoSeriousViolations();
    });
}
