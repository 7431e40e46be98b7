using System.Globalization;
using System.Text.RegularExpressions;
using static Kintsugi.BrowserTests.Infrastructure.Person;
using static Kintsugi.BrowserTests.Infrastructure.SpacePerson;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>
/// The steps partners take on the repair journey (what happened, the decision point, the stages and
/// the rebuilding conversation), written once, as a person takes them in the browser.
/// </summary>
public static partial class RepairSteps
{
    /// <summary>What each question of the decision point offers, besides "Skip this one".</summary>
    public const string Yes = "Yes";
    public const string NotSureYet = "I'm not sure yet";
    public const string NotNow = "No, not right now";
    public const string Skip = "Skip this one";
    public const string Skipped = "Skipped";

    public const string Amends = "Are we willing to do the work of making amends?";
    public const string Release = "Do I think I'll be able to let go of the anger and resentment, eventually?";
    public const string Happy = "Can I picture myself happy in this relationship, even after what happened?";
    public const string Sureness = "How sure do you feel about these answers today?";
    public const string PathQuestion = "Which path feels right to you at this moment";
    public const string WaitingForEveryone = "Waiting for everyone.";

    /// <summary>The roles as the breach form's selects name them.</summary>
    public const string Hurt = "The partner who was hurt";
    public const string CausedHarm = "The partner who caused harm";

    /// <summary>The pages of the repair journey, under a space's address.</summary>
    public static readonly string[] RepairPages = ["/what-happened", "/decision", "/stages", "/conversations"];

    /// <summary>The three paths the decision point shows once it is open.</summary>
    public static readonly string[] Paths = ["Continue and repair", "Pause and take space", "Part with care"];

    /// <summary>One answer to the decision point; a null answer is skipped with "Skip this one".</summary>
    public sealed record DecisionAnswer(string? Amends, string? Release, string? Happy, string? Sureness, string? Path, string? Note = null);

    /// <summary>A breach record as the "Record a breach" form asks for it; roles by display name.</summary>
    public sealed record BreachDetails(string Title, IReadOnlyList<string> Kinds, string? OtherKind, string? CameToLight, IReadOnlyDictionary<string, string> Roles, string Audience);

    /// <summary>
    /// Runs a test with several people, each in their own browser context (the first is the one the
    /// fixture screenshots on failure; the others' pages are saved here too, with the same name).
    /// </summary>
    public static Task InContextsAsync(this BrowserFixture app, string name, int people, Func<IReadOnlyList<IPage>, Task> steps) => app.InContextAsync(name, async first =>
    {
        var contexts = new List<IBrowserContext>();
        try
        {
            var pages = new List<IPage> { await first.NewPageAsync() };
            for (var i = 1; i < people; i++)
            {
                var context = await app.NewContextAsync();
                contexts.Add(context);
                pages.Add(await context.NewPageAsync());
            }

            try
            {
                await steps(pages);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                await SaveOthersAsync(app, name, pages.Skip(1));
                throw;
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    });

    /// <summary>
    /// Every person signs up; the first starts the space and takes the safety check, invites the
    /// others one by one, every partner already in approves each request, and each newcomer takes the
    /// safety check. Returns the space's id.
    /// </summary>
    public static async Task<Guid> StartSpaceTogetherAsync(BrowserFixture app, IReadOnlyList<IPage> pages, IReadOnlyList<string> names, string spaceName, string journey, string template)
    {
        var first = pages[0];
        await NewAccountAsync(first, app.Mail, "repair-" + names[0].ToLowerInvariant());
        var spaceId = await StartSpaceAsync(first, spaceName, names[0], journey, template);
        await TakeSafetyCheckAsync(first, spaceId, spaceName);
        for (var i = 1; i < pages.Count; i++)
        {
            var invite = await InviteAsync(first, spaceId);
            await NewAccountAsync(pages[i], app.Mail, "repair-" + names[i].ToLowerInvariant());
            await AskToJoinAsync(pages[i], invite, names[i]);

            // Asking is not joining: every page of the repair journey is "not found" until every partner approves.
            foreach (var part in RepairPages)
            {
                await ExpectNotFoundAsync(pages[i], $"/spaces/{spaceId}{part}");
            }

            for (var j = 0; j < i; j++)
            {
                await ApproveAsync(pages[j], spaceId, names[i], joins: j == i - 1);
            }

            await TakeSafetyCheckAsync(pages[i], spaceId, spaceName);
        }

        return spaceId;
    }

    /// <summary>A form on the page, found by the heading inside it (a page can hold several with the same fields).</summary>
    public static ILocator Form(this IPage page, string heading) =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    /// <summary>The status message shown after an action (the alert with role "status" that says it).</summary>
    public static ILocator Status(this IPage page, string text) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    /// <summary>The "Waiting for you" list on the space's home page, one text per item.</summary>
    public static async Task<IReadOnlyList<string>> WaitingForMeAsync(IPage page, Guid spaceId)
    {
        await page.GotoAsync($"/spaces/{spaceId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for you" })).ToBeVisibleAsync();
        var list = page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for you" }).Locator("xpath=following-sibling::*[1][self::ul]");
        return await list.CountAsync() == 0 ? [] : [.. (await list.GetByRole(AriaRole.Listitem).AllInnerTextsAsync()).Select(t => t.Trim())];
    }

    /// <summary>
    /// The main part of a page as the accessibility tree has it (what a person can perceive of it),
    /// and its markup, hidden parts included, less the antiforgery token that differs each time.
    /// </summary>
    public static async Task<string> MainSnapshotAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "This space" })).ToBeVisibleAsync();
        var main = page.GetByRole(AriaRole.Main);
        var markup = AntiforgeryValue().Replace(await main.InnerHTMLAsync(), "$1");
        return await main.AriaSnapshotAsync() + Environment.NewLine + markup;
    }

    // What happened

    /// <summary>Fills in "Record a breach" on the What happened page and saves it; ends on the record and returns its id.</summary>
    public static async Task<Guid> RecordBreachAsync(IPage page, Guid spaceId, BreachDetails breach)
    {
        await page.GotoAsync($"/spaces/{spaceId}/what-happened");
        await Assertions.Expect(page.Heading("What happened")).ToBeVisibleAsync();
        var form = page.Form("Record a breach");
        // Private is the default.
        await Assertions.Expect(form.GetByLabel(OnlyMe, new() { Exact = true })).ToBeCheckedAsync();
        await form.GetByLabel("A short, neutral title (optional)").FillAsync(breach.Title);
        foreach (var kind in breach.Kinds)
        {
            await form.Kind(kind).CheckAsync();
        }

        if (breach.OtherKind is not null)
        {
            await form.GetByLabel("If something else: in your own words (optional)").FillAsync(breach.OtherKind);
        }

        if (breach.CameToLight is not null)
        {
            await form.GetByLabel("When it came to light (optional)").FillAsync(breach.CameToLight);
        }

        var group = form.GetByRole(AriaRole.Group, new() { Name = "Who had which part? (optional)" });
        foreach (var (name, role) in breach.Roles)
        {
            await group.GetByLabel(name, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = role });
        }

        await form.GetByLabel(breach.Audience, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/spaces/{spaceId}/what-happened/[0-9a-f-]{{36}}$"));
        await Assertions.Expect(page.Heading(breach.Title)).ToBeVisibleAsync();
        return Guid.Parse(BreachUrl().Match(page.Url).Groups["breach"].Value);
    }

    /// <summary>A kind of breach's checkbox in a breach form; its label carries the kind's explanation after its name.</summary>
    public static ILocator Kind(this ILocator form, string kind) =>
        form.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($"^{Regex.Escape(kind)} ") });

    /// <summary>
    /// On a breach record: writes in the form under <paramref name="heading"/> ("Your own account" or
    /// "What it did to you") for an audience, and saves; ends on the record again.
    /// </summary>
    public static async Task WriteAboutBreachAsync(IPage page, string heading, string label, string text, string audience, string button)
    {
        var form = page.Form(heading);
        await Assertions.Expect(form.GetByLabel(OnlyMe, new() { Exact = true })).ToBeCheckedAsync();
        await form.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        await form.GetByLabel(audience, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Card(text)).ToHaveCountAsync(1);
        await Assertions.Expect(form.GetByLabel(label, new() { Exact = true })).ToBeEmptyAsync();
    }

    // The decision point

    /// <summary>Answers the decision point on its page (each null answer skipped with "Skip this one") and seals it.</summary>
    public static async Task AnswerDecisionAsync(IPage page, Guid spaceId, DecisionAnswer answer)
    {
        await page.GotoAsync($"/spaces/{spaceId}/decision");
        await Assertions.Expect(page.Heading("The decision point")).ToBeVisibleAsync();
        foreach (var (question, choice) in new[] { (Amends, answer.Amends), (Release, answer.Release), (Happy, answer.Happy), (Sureness, answer.Sureness) })
        {
            await page.Question(question).GetByLabel(choice ?? Skip, new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Group, new() { Name = PathQuestion }).GetByLabel(answer.Path ?? Skip, new() { Exact = true }).CheckAsync();
        if (answer.Note is not null)
        {
            await page.Field("Anything you want to add (optional)").FillAsync(answer.Note);
        }

        await page.Button("Seal my answer").ClickAsync();
        await Assertions.Expect(page.Status("Your answer is sealed.")).ToBeVisibleAsync();
    }

    /// <summary>An answer shown on the decision page, under its heading ("Your answer", "Your answer, sealed" or a partner's name).</summary>
    public static ILocator DecisionAnswerUnder(this IPage page, string heading) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).Locator("xpath=following-sibling::dl[1]");

    /// <summary>What an answer list says, one "question: answer" line per question, in the order asked.</summary>
    public static string[] AnswerLines(DecisionAnswer answer) =>
    [
        answer.Amends ?? Skipped,
        answer.Release ?? Skipped,
        answer.Happy ?? Skipped,
        answer.Sureness ?? Skipped,
        answer.Path ?? Skipped,
    ];

    /// <summary>Expects the answer under a heading to read as given, question by question.</summary>
    public static async Task ExpectDecisionAnswerAsync(IPage page, string heading, DecisionAnswer answer)
    {
        var list = page.DecisionAnswerUnder(heading);
        await Assertions.Expect(list.GetByRole(AriaRole.Definition).First).ToBeVisibleAsync();
        var expected = AnswerLines(answer).ToList();
        if (answer.Note is not null)
        {
            expected.Add(answer.Note);
        }

        await Assertions.Expect(list.GetByRole(AriaRole.Definition)).ToHaveTextAsync([.. expected]);
    }

    // Stages

    /// <summary>Opens the stages page and expects the space to be in the stage named.</summary>
    public static async Task ExpectStageAsync(IPage page, Guid spaceId, string stage)
    {
        await page.GotoAsync($"/spaces/{spaceId}/stages");
        await Assertions.Expect(page.Heading("Stages")).ToBeVisibleAsync();
        await Assertions.Expect(CurrentStage(page)).ToHaveTextAsync(new Regex($"^\\s*{Regex.Escape(stage)}\\s*where you are\\s*$"));
    }

    /// <summary>The stage marked as where the space is, in the list of stages.</summary>
    public static ILocator CurrentStage(IPage page) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "where you are" });

    /// <summary>On the stages page: "I feel ready to move on to …"; expects the private confirmation, or the move when this was the last partner.</summary>
    public static async Task FeelReadyAsync(IPage page, Guid spaceId, string next, bool moves)
    {
        await page.GotoAsync($"/spaces/{spaceId}/stages");
        await page.Button($"I feel ready to move on to {next}").ClickAsync();
        if (moves)
        {
            await Assertions.Expect(page.Status($"Everyone agreed: you are in {next} now.")).ToBeVisibleAsync();
            await Assertions.Expect(CurrentStage(page)).ToContainTextAsync(next);
        }
        else
        {
            await Assertions.Expect(page.Status("Saved, privately. The space moves on when every partner feels ready.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Button("Take it back")).ToBeVisibleAsync();
        }
    }

    // The rebuilding conversation

    /// <summary>A step's button in the conversation's step navigation, such as "3. The apology".</summary>
    public static ILocator StepButton(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Steps of the conversation" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Who has the floor, as the conversation page says it.</summary>
    public static ILocator Floor(this IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Name = "Who has the floor" }).Locator("xpath=following-sibling::p[1]");

    /// <summary>A time in the next conversation's field format (datetime-local), some days from now, on the hour.</summary>
    public static DateTime NextConversationAt(int daysAhead)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, 19, 30, 0, DateTimeKind.Unspecified).AddDays(daysAhead);
    }

    public static string DateTimeLocal(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task SaveOthersAsync(BrowserFixture app, string name, IEnumerable<IPage> pages)
    {
        Directory.CreateDirectory(app.ScreenshotDirectory);
        var person = 1;
        foreach (var page in pages)
        {
            person++;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"{name}-person{person}.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // A page that cannot be captured is left out.
            }
        }
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\"[^>]*?) value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex(@"/what-happened/(?<breach>[0-9a-f-]{36})")]
    private static partial Regex BreachUrl();
}
