using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.RepairSteps;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests;

/// <summary>
/// "Park it" and a container, in the browser: a partner parks two things from two different pages
/// of the space, puts one on the agenda of a planned container, and the two partners run the
/// container from its agenda (start, pass the turn, pause and go on, tick it off, end with notes).
/// What stays parked is never shown to the other partner.
/// </summary>
public sealed class ContainerTests(BrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public Task Parking_two_things_and_running_a_container_from_its_agenda() => app.InContextsAsync("containers", 2, async pages =>
    {
        const string Dinner = "When you looked at your phone all through dinner, I was back in that autumn.";
        const string Question = "I still want to ask who else knew.";
        const string Notes = "We talked about dinner and phones. Ren listened without defending.";
        const string Next = "Phones stay in the hall at dinner. Another container in two weeks.";
        var axe = new AxeAudit(output);
        var (ren, jo) = (pages[0], pages[1]);
        var spaceId = await StartSpaceTogetherAsync(app, pages, ["Ren", "Jo"], "The quiet flat", "After repeated let-downs or broken promises", "Monogamy");

        // Jo parks one thing from the journal and another from the stages page, each time staying where they were.
        await ParkAsync(jo, $"/spaces/{spaceId}/journal", Dinner);
        await axe.CheckAsync(jo, "journal with Park it open");
        await ParkAsync(jo, $"/spaces/{spaceId}/stages", Question);
        Assert.Contains("You parked 2 things for a container", await WaitingForMeAsync(jo, spaceId));
        Assert.DoesNotContain(await WaitingForMeAsync(ren, spaceId), w => w.Contains("parked", StringComparison.Ordinal));

        // Ren plans a container for tomorrow evening, on their own clock.
        await ren.GotoAsync($"/spaces/{spaceId}/containers");
        await Assertions.Expect(ren.GetByRole(AriaRole.Heading, new() { Name = "What a container is not for" })).ToBeVisibleAsync();
        await axe.CheckAsync(ren, "containers");
        await ren.Field("Date and time").FillAsync(DateTimeLocal(NextConversationAt(1)));
        await ren.Field("How long (minutes, 15 to 180)").FillAsync("45");
        await ren.Button("Plan it").ClickAsync();
        await Assertions.Expect(ren.Button("Start the container")).ToBeVisibleAsync();
        var containerUrl = new Uri(ren.Url).AbsolutePath;
        await Assertions.Expect(ren.GetByText("The agenda is empty.")).ToBeVisibleAsync();
        await axe.CheckAsync(ren, "a planned container");

        // Jo chooses what goes on the agenda: the first thing only.
        await jo.GotoAsync($"/spaces/{spaceId}/parked");
        await Assertions.Expect(jo.Card(Dinner)).ToContainTextAsync("Only me");
        await jo.Card(Dinner).GetByRole(AriaRole.Button, new() { Name = "Put it on the agenda", Exact = true }).ClickAsync();
        await Assertions.Expect(jo.Status("It is on the agenda now.")).ToBeVisibleAsync();
        await Assertions.Expect(jo.Card(Dinner)).ToContainTextAsync("On the agenda of");
        await Assertions.Expect(jo.Card(Question)).ToContainTextAsync("Only me");
        await axe.CheckAsync(jo, "what I parked");

        // Ren opens the container from the home page and sees only what Jo put on the agenda.
        await ren.GotoAsync($"/spaces/{spaceId}");
        await ren.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameString = "The next container:" }).ClickAsync();
        await Assertions.Expect(ren).ToHaveURLAsync(PathIs(containerUrl));
        var agenda = ren.GetByRole(AriaRole.Main).Locator("ol.agenda");
        await Assertions.Expect(agenda).ToContainTextAsync(Dinner);
        await Assertions.Expect(ren.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Question);

        // Jo starts it; Ren gives Jo the floor; a pause; they go on; Ren ticks the item off.
        await jo.GotoAsync(containerUrl);
        await jo.Button("Start the container").ClickAsync();
        await Assertions.Expect(jo.Status("Started.")).ToBeVisibleAsync();
        await Assertions.Expect(jo.Locator("p.timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^About 4[45] minutes left\\.$"));
        await ren.GotoAsync(containerUrl);
        await ren.Button("Jo speaks").ClickAsync();
        await Assertions.Expect(ren.GetByText("Jo has the floor.")).ToBeVisibleAsync();
        await jo.ReloadAsync();
        await Assertions.Expect(jo.GetByText("You have the floor.")).ToBeVisibleAsync();
        await axe.CheckAsync(jo, "a running container");
        await jo.GetByText("Feeling flooded? Take a pause").ClickAsync();
        await jo.Button("Pause for 20 minutes").ClickAsync();
        await Assertions.Expect(jo.GetByRole(AriaRole.Heading, new() { Name = "Paused", Exact = true })).ToBeVisibleAsync();
        await ren.ReloadAsync();
        await Assertions.Expect(ren.GetByRole(AriaRole.Heading, new() { Name = "Paused", Exact = true })).ToBeVisibleAsync();
        await ren.Button("We are ready to go on").ClickAsync();
        await Assertions.Expect(ren.Status("Welcome back.")).ToBeVisibleAsync();
        await ren.Card(Dinner).GetByRole(AriaRole.Button, new() { Name = "We talked about this", Exact = true }).ClickAsync();
        await Assertions.Expect(ren.Card(Dinner)).ToContainTextAsync("talked about");

        // Jo ends it with notes and what happens next; Ren reads them.
        await jo.ReloadAsync();
        await jo.Field("Notes").FillAsync(Notes);
        await jo.Field("What happens next").FillAsync(Next);
        await jo.Button("End the container").ClickAsync();
        await Assertions.Expect(jo.Status("The container has ended.")).ToBeVisibleAsync();
        await ren.ReloadAsync();
        await Assertions.Expect(ren.Field("Notes")).ToHaveValueAsync(Notes);
        await Assertions.Expect(ren.Field("What happens next")).ToHaveValueAsync(Next);
        await Assertions.Expect(ren.GetByRole(AriaRole.Main)).ToContainTextAsync("This container has ended.");
        await axe.CheckAsync(ren, "an ended container");
    });

    /// <summary>Opens "Park it" on a page of the space, parks a text, and checks the page came back with a quiet confirmation.</summary>
    private static async Task ParkAsync(IPage page, string path, string text)
    {
        await page.GotoAsync(path);
        await page.Locator(".park-it summary").ClickAsync();
        await page.Field("A trigger or question for the next container").FillAsync(text);
        await page.Button("Park it").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs(path));
        await Assertions.Expect(page.Status("Parked for later.")).ToBeVisibleAsync();
    }
}
