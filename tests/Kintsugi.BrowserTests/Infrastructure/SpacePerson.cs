using System.Text.RegularExpressions;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>The steps a person takes in a space (start it, the safety check, invites, approvals, the journal), written once.</summary>
public static partial class SpacePerson
{
    public const string NotFound = "We can't find that page";

    /// <summary>The audiences as the journal's radio buttons name them.</summary>
    public const string OnlyMe = "Only me";
    public const string MyPartners = "My partners";
    public const string PartnersAndPractitioner = "My partners and our practitioner";

    /// <summary>What an invite shows, once, to the partner who made it.</summary>
    public sealed record Invitation(string Code, string Link);

    /// <summary>A question of the safety check, found by its legend; its answers are "Yes", "No", "I'm not sure" and "I'd rather not say".</summary>
    public static ILocator Question(this IPage page, string text) =>
        page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = text, Exact = true });

    public const string FeelSafe = "Do you feel safe with your partner or partners?";
    public const string AfraidOfReaction = "Are you afraid of how a partner reacts when you disagree with them?";
    public const string FreeWill = "Are you here because you want to be, and not because someone is making you?";

    /// <summary>The cards (list items) in the page's main part that mention a text.</summary>
    public static ILocator Card(this IPage page, string text) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasText = text });

    /// <summary>A link in the page's main part (the journal lists entries as links to them).</summary>
    public static ILocator MainLink(this IPage page, string name) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });

    /// <summary>The text of the entry an entry page shows (not the copy in its edit form).</summary>
    public static ILocator EntryText(this IPage page) => page.Locator("div.entry-text");

    public static Guid SpaceIdIn(string url) => Guid.Parse(SpaceUrl().Match(url).Groups["space"].Value);

    public static Guid EntryIdIn(string url) => Guid.Parse(EntryUrl().Match(url).Groups["entry"].Value);

    /// <summary>
    /// From the list of spaces: "Start a space", a values template through "Start from a template",
    /// then the name, the person's name and a journey. Ends on the safety check; returns the space's id.
    /// </summary>
    public static async Task<Guid> StartSpaceAsync(IPage page, string name, string displayName, string journey, string template, AxeAudit? axe = null)
    {
        await page.GotoAsync("/spaces");
        await Assertions.Expect(page.Heading("Your spaces")).ToBeVisibleAsync();
        await page.Link("Start a space").ClickAsync();
        await Assertions.Expect(page.Heading("Start a space")).ToBeVisibleAsync();
        if (axe is not null)
        {
            await axe.CheckAsync(page, "spaces/new");
        }

        // The template is a plain link: it reloads the form with the values filled in, so it comes first.
        await page.GetByText("Start from a template", new() { Exact = true }).ClickAsync();
        await page.Link(template).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/spaces/new\?template="));
        await Assertions.Expect(page.Field("Your shared values (optional)")).Not.ToBeEmptyAsync();

        await page.Field("Name of the space").FillAsync(name);
        await page.Field("Your name in this space").FillAsync(displayName);
        await page.Field(journey).CheckAsync();
        if (axe is not null)
        {
            await axe.CheckAsync(page, "spaces/new, with a template");
        }

        await page.Button("Start the space").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/spaces/[0-9a-f-]{36}/safety-check$"));
        await Assertions.Expect(page.Heading("Before you start")).ToBeVisibleAsync();
        return SpaceIdIn(page.Url);
    }

    /// <summary>
    /// Answers the private safety check on the page it is on (each answer "Yes", "No", "I'm not
    /// sure", or null to leave it out) and sends it; where it lands is for the caller to check.
    /// </summary>
    public static async Task AnswerSafetyCheckAsync(IPage page, string? feelSafe, string? afraidOfReaction, string? freeWill)
    {
        await Assertions.Expect(page.Heading("Before you start")).ToBeVisibleAsync();
        foreach (var (question, answer) in new[] { (FeelSafe, feelSafe), (AfraidOfReaction, afraidOfReaction), (FreeWill, freeWill) })
        {
            if (answer is not null)
            {
                await page.Question(question).GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }
        }

        await page.Button("Continue").ClickAsync();
    }

    /// <summary>Takes the safety check with answers that raise no concern and goes on into the space.</summary>
    public static async Task TakeSafetyCheckAsync(IPage page, Guid spaceId, string spaceName, AxeAudit? axe = null)
    {
        await page.GotoAsync($"/spaces/{spaceId}/safety-check");
        if (axe is not null)
        {
            await axe.CheckAsync(page, "safety-check");
        }

        await AnswerSafetyCheckAsync(page, "Yes", "No", "Yes");
        await Assertions.Expect(page.Heading("Thank you")).ToBeVisibleAsync();
        if (axe is not null)
        {
            await axe.CheckAsync(page, "safety-check, clear");
        }

        await page.Link("Go on into the space").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs($"/spaces/{spaceId}"));
        await Assertions.Expect(page.Heading(spaceName)).ToBeVisibleAsync();
    }

    /// <summary>On the People page: "Invite a partner" or "Invite a coach or therapist"; reads the code and link shown once.</summary>
    public static async Task<Invitation> InviteAsync(IPage page, Guid spaceId, bool practitioner = false)
    {
        await page.GotoAsync($"/spaces/{spaceId}/people");
        await Assertions.Expect(page.Heading("People in this space")).ToBeVisibleAsync();
        await page.Button(practitioner ? "Invite a coach or therapist" : "Invite a partner").ClickAsync();
        var shown = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Here is the invite for" });
        await Assertions.Expect(shown).ToContainTextAsync(practitioner ? "a practitioner" : "a partner");
        var code = (await shown.Locator(".invite-code").InnerTextAsync()).Trim();
        var link = (await shown.Locator(".invite-link").InnerTextAsync()).Trim();
        Assert.EndsWith("/spaces/join?code=" + Uri.EscapeDataString(code), link, StringComparison.Ordinal);
        return new Invitation(code, link);
    }

    /// <summary>Opens the invite link (the code is filled in), gives a name and asks to join; ends on "Your request is in".</summary>
    public static async Task AskToJoinAsync(IPage page, Invitation invite, string displayName, AxeAudit? axe = null)
    {
        await page.GotoAsync(invite.Link);
        await Assertions.Expect(page.Heading("Join a space")).ToBeVisibleAsync();
        await Assertions.Expect(page.Field("Invite code")).ToHaveValueAsync(invite.Code);
        await page.Field("Your name in this space").FillAsync(displayName);
        if (axe is not null)
        {
            await axe.CheckAsync(page, "join");
        }

        await page.Button("Ask to join").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is in.");
        if (axe is not null)
        {
            await axe.CheckAsync(page, "join, requested");
        }
    }

    /// <summary>On the People page, approves the request from <paramref name="displayName"/>; says whether they are now in.</summary>
    public static async Task ApproveAsync(IPage page, Guid spaceId, string displayName, bool joins)
    {
        await page.GotoAsync($"/spaces/{spaceId}/people");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Asking to join" })).ToBeVisibleAsync();
        await page.Card(displayName).Locator(page.Button("Approve")).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(joins
            ? "Approved. Everyone has said yes, so they are now in the space."
            : "Approved. They join when every partner has approved.");
    }

    /// <summary>Writes an entry for an audience from the journal page; ends on the entry and returns its id.</summary>
    public static async Task<Guid> WriteEntryAsync(IPage page, Guid spaceId, string text, string audience)
    {
        await page.GotoAsync($"/spaces/{spaceId}/journal");
        await Assertions.Expect(page.Heading("Journal")).ToBeVisibleAsync();
        // Private is the default.
        await Assertions.Expect(page.Field(OnlyMe)).ToBeCheckedAsync();
        await page.Field("Your entry").FillAsync(text);
        await page.Field(audience).CheckAsync();
        await page.Button("Save entry").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/spaces/{spaceId}/journal/[0-9a-f-]{{36}}$"));
        await Assertions.Expect(page.EntryText()).ToHaveTextAsync(text);
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText(audience, new() { Exact = true }).First).ToBeVisibleAsync();
        return EntryIdIn(page.Url);
    }

    /// <summary>Opens the journal and returns the entries listed in it, newest first (each a link named by its first line).</summary>
    public static async Task<ILocator> OpenJournalAsync(IPage page, Guid spaceId)
    {
        await page.GotoAsync($"/spaces/{spaceId}/journal");
        await Assertions.Expect(page.Heading("Journal")).ToBeVisibleAsync();
        return page.GetByRole(AriaRole.Main).Locator(".cards").GetByRole(AriaRole.Link);
    }

    /// <summary>Opens an address of the app and expects the ordinary "not found" page, as for an address that never existed.</summary>
    public static async Task ExpectNotFoundAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await Assertions.Expect(page.Heading(NotFound)).ToBeVisibleAsync();
        Assert.Equal(404, response?.Status);
    }

    /// <summary>The members listed on the People page, one text per person (name, role, since when).</summary>
    public static async Task<IReadOnlyList<string>> PeopleAsync(IPage page, Guid spaceId)
    {
        await page.GotoAsync($"/spaces/{spaceId}/people");
        await Assertions.Expect(page.Heading("People in this space")).ToBeVisibleAsync();
        return await page.GetByRole(AriaRole.Main).Locator(".cards").First.GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
    }

    [GeneratedRegex(@"/spaces/(?<space>[0-9a-f-]{36})")]
    private static partial Regex SpaceUrl();

    [GeneratedRegex(@"/journal/(?<entry>[0-9a-f-]{36})")]
    private static partial Regex EntryUrl();
}
