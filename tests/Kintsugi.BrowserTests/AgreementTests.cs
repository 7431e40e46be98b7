using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.RepairSteps;

namespace Kintsugi.BrowserTests;

/// <summary>
/// Agreements in the browser, each partner in their own browser context: three partners propose,
/// amend, sign, take back a signature, record a crossing and reset it; and two partners editing one
/// agreement at once, where the second save is stopped and shows the current text next to their own.
/// </summary>
public sealed class AgreementTests(BrowserFixture app, ITestOutputHelper output)
{
    private const string Journey = "After an affair";
    private const string Agreed = "Agreed: every partner has signed this version";
    private const string Proposal = "Proposal: not every partner has signed this version yet";
    private const string NeedsReagreement = "Needs re-agreement: this version was agreed, and now not every partner has signed it";

    [Fact]
    public Task Three_partners_propose_amend_sign_withdraw_record_a_crossing_and_reset_it() => app.InContextsAsync("agreements-three", 3, async pages =>
    {
        const string Amended = "Neither of us has romantic or sexual contact with anyone else, and we mention crushes early.";
        const string Note = "Cy: a message I should not have answered.";
        const string AshView = "Ash, only for me: I saw it coming and said nothing.";
        const string Discussed = "We talked on Sunday evening and listened first.";
        var axe = new AxeAudit(output);
        var (a, b, c) = (pages[0], pages[1], pages[2]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Ash", "Bo", "Cy"], "Three of us", Journey, "Monogamy");

        // Ash proposes from the monogamy example and signs.
        await a.GotoAsync($"/spaces/{spaceId}/agreements");
        await a.GetByText("Start from an example", new() { Exact = true }).ClickAsync();
        await a.Link("Only each other").ClickAsync();
        await Assertions.Expect(a.Field("The agreement, in plain words")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("monogamy"));
        await a.Button("Propose it").ClickAsync();
        await Assertions.Expect(a.Heading("An agreement")).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText(Proposal)).ToBeVisibleAsync();
        var agreement = new Uri(a.Url).AbsolutePath;
        await a.Button("Sign version 1").ClickAsync();
        await Assertions.Expect(a.Status("You signed version 1.")).ToBeVisibleAsync();
        await axe.CheckAsync(a, "an agreement, signed by one");

        // Bo amends it: version 2, and everyone signs again.
        await b.GotoAsync(agreement);
        await b.Field("The agreement, in plain words").FillAsync(Amended);
        await b.Button("Save as version 2").ClickAsync();
        await Assertions.Expect(b.GetByText("· version 2")).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(Proposal)).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("Version 1, never agreed by everyone")).ToBeVisibleAsync();
        foreach (var (page, last) in new[] { (a, false), (b, false), (c, true) })
        {
            await page.GotoAsync(agreement);
            await Assertions.Expect(page.Locator(".prose").First).ToHaveTextAsync(Amended);
            await page.Button("Sign version 2").ClickAsync();
            await Assertions.Expect(page.GetByText(last ? Agreed : Proposal)).ToBeVisibleAsync();
        }

        // Bo takes the signature back: the others see it needs re-agreement; Bo signs again.
        await b.GotoAsync(agreement);
        await b.Button("Take back my signature").ClickAsync();
        await Assertions.Expect(b.GetByText(NeedsReagreement)).ToBeVisibleAsync();
        await a.GotoAsync(agreement);
        await Assertions.Expect(a.GetByText(NeedsReagreement)).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText("Waiting for: Bo.")).ToBeVisibleAsync();
        await b.Button("Sign version 2").ClickAsync();
        await Assertions.Expect(b.GetByText(Agreed)).ToBeVisibleAsync();

        // Cy records that it was crossed, by Cy, with Ash involved too.
        await c.GotoAsync(agreement);
        await c.Field("What happened (optional)").FillAsync(Note);
        var involved = c.GetByRole(AriaRole.Group, new() { Name = "Who was involved" });
        await involved.GetByLabel("Cy", new() { Exact = true }).CheckAsync();
        await involved.GetByLabel("Ash", new() { Exact = true }).CheckAsync();
        await c.Button("Record that it was crossed").ClickAsync();
        await Assertions.Expect(c.Heading("A crossed agreement")).ToBeVisibleAsync();
        var crossing = new Uri(c.Url).AbsolutePath;
        await Assertions.Expect(c.GetByText(Note)).ToBeVisibleAsync();
        await axe.CheckAsync(c, "a crossed agreement");

        // Examine: Ash's view is private; Bo does not see it.
        Assert.Contains("A crossed agreement is waiting for your view", await WaitingForMeAsync(a, spaceId));
        await a.GotoAsync(crossing);
        await a.Field("My view").FillAsync(AshView);
        await a.Button("Save my view").ClickAsync();
        await Assertions.Expect(a.GetByText(AshView)).ToBeVisibleAsync();
        await b.GotoAsync(crossing);
        await Assertions.Expect(b.GetByText(Note)).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText(AshView)).ToHaveCountAsync(0);

        // Discuss, then reset: keep the agreement.
        await b.Field("Notes").FillAsync(Discussed);
        await b.Button("Save").ClickAsync();
        await Assertions.Expect(b.Status("Moved on: Discuss.")).ToBeVisibleAsync();
        await c.GotoAsync(crossing);
        await Assertions.Expect(c.Field("Notes")).ToHaveValueAsync(Discussed);
        await c.GetByLabel("Keep the agreement as it is", new() { Exact = true }).CheckAsync();
        await c.Button("Save").ClickAsync();
        await Assertions.Expect(c.Status("Moved on: Reset.")).ToBeVisibleAsync();
        await a.GotoAsync(crossing);
        await Assertions.Expect(a.GetByRole(AriaRole.Main)).ToContainTextAsync("Keep the agreement as it is");
        await Assertions.Expect(a.GetByRole(AriaRole.List).Filter(new() { HasText = "Examine" }).Last).ToContainTextAsync("Reset");
        await axe.CheckAsync(a, "a crossing, reset");

        // The printable view lists it, agreed, with every signature.
        await a.GotoAsync($"/spaces/{spaceId}/agreements/print");
        await Assertions.Expect(a.GetByText(Amended)).ToBeVisibleAsync();
        await Assertions.Expect(a.GetByText(Agreed)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Two_partners_editing_one_agreement_at_once_the_second_save_shows_the_current_text_and_keeps_theirs() => app.InContextsAsync("agreements-race", 2, async pages =>
    {
        const string Original = "One evening a week belongs to us.";
        const string Noas = "One evening a week belongs to us, phones off.";
        const string Elis = "Thursday evenings belong to us, unless we both agree to move it.";
        var (a, b) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Noa", "Eli"], "Two of us", Journey, "Monogamy");
        await a.GotoAsync($"/spaces/{spaceId}/agreements");
        await a.Field("The agreement, in plain words").FillAsync(Original);
        await a.Button("Propose it").ClickAsync();
        await Assertions.Expect(a.Heading("An agreement")).ToBeVisibleAsync();
        var agreement = new Uri(a.Url).AbsolutePath;

        // Both open it, both change it; Noa saves first.
        await b.GotoAsync(agreement);
        await a.Field("The agreement, in plain words").FillAsync(Noas);
        await b.Field("The agreement, in plain words").FillAsync(Elis);
        await a.Button("Save as version 2").ClickAsync();
        await Assertions.Expect(a.GetByText("· version 2")).ToBeVisibleAsync();
        await b.Button("Save as version 2").ClickAsync();

        await Assertions.Expect(b.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this agreement since you opened it");
        await Assertions.Expect(b.GetByTestId("current-text")).ToHaveTextAsync(Noas);
        await Assertions.Expect(b.Field("The agreement, in plain words")).ToHaveValueAsync(Elis);
        await Assertions.Expect(b.Button("Save as version 3")).ToBeVisibleAsync();
        await new AxeAudit(output).CheckAsync(b, "an agreement, changed meanwhile");

        // Nothing was overwritten; Eli's save, now with both in view, makes version 3.
        await a.GotoAsync(agreement);
        await Assertions.Expect(a.Locator(".prose").First).ToHaveTextAsync(Noas);
        await b.Button("Save as version 3").ClickAsync();
        await Assertions.Expect(b.GetByText("· version 3")).ToBeVisibleAsync();
        await Assertions.Expect(b.Locator(".prose").First).ToHaveTextAsync(Elis);
    });
}
