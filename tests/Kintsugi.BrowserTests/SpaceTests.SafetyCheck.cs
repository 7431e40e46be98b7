using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

public sealed partial class SpaceTests
{
    /// <summary>
    /// SECURITY.md C5: a partner whose answers suggest couple work may not be safe now gets private
    /// resources (support, pausing, leaving quietly); nobody else can tell, and the space still works.
    /// </summary>
    [Fact]
    public Task A_concerning_safety_check_shows_private_resources_and_changes_nothing_for_the_others() => app.InContextAsync("spaces-safety-check", async contextA =>
    {
        const string Name = "Sunday mornings";
        var axe = new AxeAudit(output);

        // Jo starts the space and lets Kit in.
        var a = await contextA.NewPageAsync();
        await NewAccountAsync(a, app.Mail, "safety-a");
        var spaceId = await StartSpaceAsync(a, Name, "Jo", "After an affair", "Monogamy");
        await TakeSafetyCheckAsync(a, spaceId, Name);
        var invite = await InviteAsync(a, spaceId);
        await using var contextB = await app.NewContextAsync();
        var b = await contextB.NewPageAsync();
        await NewAccountAsync(b, app.Mail, "safety-b");
        await AskToJoinAsync(b, invite, "Kit");
        await ApproveAsync(a, spaceId, "Kit", joins: true);

        // What Jo sees before Kit takes the check.
        var peopleBefore = await MainSnapshotAsync(a, $"/spaces/{spaceId}/people");
        var overviewBefore = await MainSnapshotAsync(a, $"/spaces/{spaceId}");

        // Kit answers with concern (and leaves one question out).
        await b.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(b).ToHaveURLAsync(PathIs($"/spaces/{spaceId}/safety-check"));
        await AnswerSafetyCheckAsync(b, feelSafe: "I'm not sure", afraidOfReaction: "Yes", freeWill: "I'd rather not say");
        await Assertions.Expect(b.Heading("Thank you for answering honestly")).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("nobody else in this space can see it or tell that anything is different")).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Pausing" })).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Leaving quietly" })).ToBeVisibleAsync();
        await Assertions.Expect(b.GetByText("Quick exit at the top of every page")).ToBeVisibleAsync();
        await Assertions.Expect(b.MainLink("Crisis and abuse lines")).ToHaveAttributeAsync("href", "/support");
        await Assertions.Expect(b.MainLink("Leave this space")).ToHaveAttributeAsync("href", $"/spaces/{spaceId}/leave");
        await Assertions.Expect(b.MainLink("Delete my account")).ToHaveAttributeAsync("href", "/account/delete");
        // The answers are not kept on the page either: the questions are gone.
        await Assertions.Expect(b.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await axe.CheckAsync(b, "safety-check, concerning");

        await b.MainLink("Go on into the space").ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(PathIs($"/spaces/{spaceId}"));

        // Nothing changed for Jo: the same people page and overview, no sign of the answers.
        Assert.Equal(peopleBefore, await MainSnapshotAsync(a, $"/spaces/{spaceId}/people"));
        Assert.Equal(overviewBefore, await MainSnapshotAsync(a, $"/spaces/{spaceId}"));

        // The space still works for Kit.
        await Assertions.Expect(b.Heading(Name)).ToBeVisibleAsync();
        await Assertions.Expect(b.Card("Kit (you)")).ToHaveCountAsync(1);
        await WriteEntryAsync(b, spaceId, "Kit, only for me: I want to think before the next talk.", OnlyMe);
        var people = await PeopleAsync(b, spaceId);
        Assert.Equal(2, people.Count);

        // And the partners can still change their values and journey together.
        await a.GotoAsync($"/spaces/{spaceId}");
        await a.Link("Values and journey").ClickAsync();
        await Assertions.Expect(a.Heading("Values and journey")).ToBeVisibleAsync();
        await Assertions.Expect(a.Field("After an affair")).ToBeCheckedAsync();
        await axe.CheckAsync(a, "settings");
        await a.Field("Proactive: nothing has broken").CheckAsync();
        await a.Field("Your shared values").FillAsync("We keep Sunday mornings for the two of us.");
        await a.Button("Save").ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await b.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(b.GetByText("Proactive: nothing has broken.", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(b.Locator(".prose")).ToHaveTextAsync("We keep Sunday mornings for the two of us.");

        axe.AssertNoSeriousViolations();
    });

    /// <summary>The main part of a page as the accessibility tree has it (roles, names, text and link targets).</summary>
    private static async Task<string> MainSnapshotAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await page.GetByRole(AriaRole.Main).AriaSnapshotAsync();
    }
}
