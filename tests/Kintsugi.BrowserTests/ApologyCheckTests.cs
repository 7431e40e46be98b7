using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>
/// "Check an apology" as a visitor without an account: feedback appears as they type (the script
/// calls the API), each mark leads to its suggestion by keyboard, and the Check button does the same.
/// </summary>
public sealed class ApologyCheckTests(BrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public Task A_visitor_sees_feedback_as_they_type_and_reaches_each_suggestion_by_keyboard() => app.InContextAsync(nameof(A_visitor_sees_feedback_as_they_type_and_reaches_each_suggestion_by_keyboard), async context =>
    {
        var axe = new AxeAudit(output);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).Locator(page.Link("Check an apology")).ClickAsync();
        await Assertions.Expect(page.Heading("Check an apology")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nothing you write here is stored")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "check an apology, empty");

        // Typing: no button pressed, the feedback follows the words.
        await page.Field("Your apology").FillAsync("I'm sorry, but it was only a few messages.");
        var mark = page.Locator("mark", new() { HasText = "it was only a few messages" });
        await Assertions.Expect(mark).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a.apology-mark").First).ToHaveAttributeAsync("href", "/check-an-apology#apology-finding-1");
        await Assertions.Expect(page.Locator("#apology-finding-1")).ToContainTextAsync("Minimising");
        await Assertions.Expect(page.Locator("[data-part=regret]")).ToContainTextAsync("present");
        await Assertions.Expect(page.Locator("[data-part=impact]")).ToContainTextAsync("not yet");

        // A better sentence clears the finding.
        await page.Field("Your apology").FillAsync("I'm sorry I lied to you. It was my choice, and I know it made you doubt yourself.");
        await Assertions.Expect(page.Locator("mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Nothing here reads like an excuse")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-part=impact]")).ToContainTextAsync("present");

        // The Check button (an enhanced form post) gives the same, and each mark is a link to its suggestion.
        await page.Field("Your apology").FillAsync("You made me do it.");
        await page.Button("Check").ClickAsync();
        var link = page.Locator("a.apology-mark").First;
        await Assertions.Expect(link).ToContainTextAsync("You made me");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/check-an-apology#apology-finding-1$"));
        await Assertions.Expect(page.Locator("#apology-finding-1")).ToContainTextAsync("Blame");
        await axe.CheckAsync(page, "check an apology, with findings");
        axe.AssertNoSeriousViolations();
    });
}
